package com.makcrm.cli.i18n;

import com.makcrm.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code crm i18n ...}: translation catalogs and their exchange with Crowdin. */
@Command(
        name = "i18n",
        mixinStandardHelpOptions = true,
        description = {
            "Translation catalogs (Lingui PO files) and Crowdin.",
            "Crowdin settings come from crowdin.yml (the official Crowdin CLI's keys: project_id_env,"
                    + " api_token_env, base_url, files); the token is read from the variable api_token_env names."
        },
        subcommands = {
            I18nExtractCommand.class,
            I18nCompileCommand.class,
            I18nPushCommand.class,
            I18nPullCommand.class,
            I18nStatusCommand.class
        })
public final class I18nCommand extends CommandGroup {}
