package com.makcrm.cli.migrate;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.core.migration.TenantSchemaStatus;
import com.makcrm.core.schema.Drift;
import com.makcrm.core.schema.SchemaState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check every schema's applied migrations against this build. Exits 6 on drift",
            "(edited scripts, versions unknown to this build, failed migrations); pending ones are fine."
        })
final class MigrateValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int parallelism = MigrateCommand.defaultParallelism();
        try (CoreSession session = MigrateCommand.root(spec).openSession(parallelism)) {
            SchemaState control = session.core().migrations().controlStatus();
            List<TenantSchemaStatus> tenants = session.core().migrations().status(parallelism);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int problems = report(err, "(control)", control.drift(), null);
            for (TenantSchemaStatus s : tenants) {
                problems += report(err, s.tenant(), s.drift(), s.error());
            }
            if (problems > 0) {
                err.println("ERROR: " + problems + " schema(s) drifted from this build; see lines above");
                err.flush();
                return ExitCodes.MIGRATION_FAILED;
            }
            out.println("all " + (tenants.size() + 1) + " schemas match this build");
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static int report(PrintWriter err, String schema, List<Drift> drift, String error) {
        if (error != null) {
            err.println(schema + ": " + error);
            return 1;
        }
        drift.forEach(d -> err.println(schema + ": " + d.kind() + " " + d.version() + ": " + d.message()));
        return drift.isEmpty() ? 0 : 1;
    }
}
