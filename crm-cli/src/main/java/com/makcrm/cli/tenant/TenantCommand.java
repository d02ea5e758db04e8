package com.makcrm.cli.tenant;

import com.makcrm.cli.CommandGroup;
import com.makcrm.cli.CoreSession;
import com.makcrm.cli.CrmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm tenant ...}: the tenant lifecycle. */
@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Provision and manage tenants (one PostgreSQL schema each).",
        subcommands = {
            TenantCreateCommand.class,
            TenantListCommand.class,
            TenantShowCommand.class,
            TenantSuspendCommand.class,
            TenantResumeCommand.class,
            TenantDeleteCommand.class
        })
public final class TenantCommand extends CommandGroup {

    static CrmCommand root(CommandLine.Model.CommandSpec spec) {
        return CrmCommand.from(spec);
    }

    static CoreSession open(CommandLine.Model.CommandSpec spec) {
        return root(spec).openSession(1);
    }
}
