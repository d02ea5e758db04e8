package com.makcrm.cli.i18n;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.i18n.crowdin.CrowdinSync;
import com.makcrm.cli.i18n.crowdin.TranslationArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Build the translations in Crowdin (of --branch when given), download and unpack them into the"
                    + " catalogs, then compile (validate) them as crm i18n compile does."
        })
final class I18nPullCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CrowdinOptions crowdin;

    @Option(names = "--strict", description = "Fail the compile step on untranslated or fuzzy messages.")
    private boolean strict;

    @Override
    public Integer call() {
        CrmCommand root = CrmCommand.from(spec);
        PrintWriter out = spec.commandLine().getOut();
        CrowdinSync sync = crowdin.sync(root.settings().env());
        CatalogLayout layout = CatalogLayout.resolve(crowdin.crowdinConfig);
        IntConsumer progress = root.interactive() ? p -> out.print("\rbuilding translations: " + p + "%") : p -> {};
        TranslationArchive.Extracted pulled = sync.pullTranslations(layout.translatedLocales(), progress);
        if (root.interactive()) {
            out.println();
        }
        PrintWriter err = spec.commandLine().getErr();
        for (TranslationArchive.Skipped entry : pulled.skipped()) {
            err.println("skipped: " + entry);
        }
        for (Path file : pulled.written()) {
            out.println("pulled " + CatalogLayout.display(file));
        }
        CatalogCompiler.compile(layout, strict, out, spec.commandLine().getErr());
        return ExitCodes.OK;
    }
}
