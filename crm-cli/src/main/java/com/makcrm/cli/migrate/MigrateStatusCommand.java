package com.makcrm.cli.migrate;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.migration.TenantSchemaStatus;
import com.makcrm.core.schema.SchemaState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show per tenant the current version, pending versions and drift",
            "(checksum mismatch, versions unknown to this build, failed migrations). Changes nothing."
        })
final class MigrateStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        int parallelism = MigrateCommand.defaultParallelism();
        try (CoreSession session = MigrateCommand.root(spec).openSession(parallelism)) {
            MigrationService migrations = session.core().migrations();
            SchemaState control = migrations.controlStatus();
            List<TenantSchemaStatus> tenants = migrations.status(parallelism);
            Printer.print(
                    spec.commandLine().getOut(),
                    output.format(),
                    StatusView.of(control, migrations.latestTenantVersion(), tenants),
                    () -> StatusView.table(control, tenants));
            return ExitCodes.OK;
        }
    }
}
