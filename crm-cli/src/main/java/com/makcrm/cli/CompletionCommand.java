package com.makcrm.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code crm completion}: a completion script for bash, which zsh also loads through bashcompinit. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a bash/zsh completion script.",
            "bash: source <(crm completion)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(crm completion)"
        })
final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("crm", root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
