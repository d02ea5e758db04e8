package com.makcrm.cli.i18n;

import com.makcrm.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Validate every catalog: each declared message present, ICU syntax, the source's placeholders, the"
                    + " plural categories of the language (ru: one, few, many, other). Regenerates the pseudo-locale.",
            "Problems are printed as '<locale>: <id>: <problem>'; any problem exits 2. The PO catalogs are the"
                    + " runtime form: the server and the CLI read them from the class path."
        })
final class I18nCompileCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CatalogOptions options;

    @Option(names = "--strict", description = "Also fail on untranslated or fuzzy messages.")
    private boolean strict;

    @Override
    public Integer call() {
        CatalogCompiler.compile(
                options.layout(),
                strict,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return ExitCodes.OK;
    }
}
