package com.makcrm.cli.migrate;

import com.makcrm.cli.CommandGroup;
import com.makcrm.cli.CrmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm migrate ...}: schema migrations of the control schema and every tenant schema. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply and inspect migrations across all tenants.",
        subcommands = {MigrateStatusCommand.class, MigrateUpCommand.class, MigrateValidateCommand.class})
public final class MigrateCommand extends CommandGroup {

    static CrmCommand root(CommandLine.Model.CommandSpec spec) {
        return CrmCommand.from(spec);
    }

    static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }
}
