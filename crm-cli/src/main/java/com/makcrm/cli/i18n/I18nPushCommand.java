package com.makcrm.cli.i18n;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.i18n.crowdin.CrowdinSync;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = {
            "Upload the source catalogs to Crowdin (adding or updating each file, in --branch when given).",
            "Run crm i18n extract first so the sources are current."
        })
final class I18nPushCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CrowdinOptions crowdin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CrowdinSync sync = crowdin.sync(CrmCommand.from(spec).settings().env());
        for (CrowdinSync.Pushed pushed : sync.pushSources()) {
            out.println((pushed.added() ? "added   " : "updated ") + pushed.crowdinPath() + " (file " + pushed.fileId()
                    + ")");
        }
        return ExitCodes.OK;
    }
}
