package com.makcrm.cli.i18n;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --crowdin-config} option of the catalog commands. */
final class CatalogOptions {

    @Option(
            names = "--crowdin-config",
            paramLabel = "FILE",
            defaultValue = "crowdin.yml",
            description = "The Crowdin configuration naming the catalogs (default: ${DEFAULT-VALUE} in the working"
                    + " directory; without it, crm-core/src/main/resources/i18n/locales/<locale>/messages.po).")
    Path crowdinConfig;

    CatalogLayout layout() {
        return CatalogLayout.resolve(crowdinConfig);
    }
}
