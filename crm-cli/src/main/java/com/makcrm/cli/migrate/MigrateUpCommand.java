package com.makcrm.cli.migrate;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.Describe;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.Progress;
import com.makcrm.core.migration.FanOutListener;
import com.makcrm.core.migration.FanOutReport;
import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.migration.TenantMigrationResult;
import com.makcrm.core.schema.MigrationOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Apply pending migrations: the control schema, then every ACTIVE and SUSPENDED tenant",
            "(or only the --tenant ones) with bounded parallelism. A failing tenant does not stop the",
            "others; the run then exits 6, and running it again resumes."
        })
final class MigrateUpCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "SLUG", description = "Only this tenant (repeatable).")
    private List<String> tenants = new ArrayList<>();

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Tenants migrated at once, 1-64 (default: the CPU count).")
    private Integer parallel;

    @Option(names = "--dry-run", description = "List per tenant what would run; change nothing.")
    private boolean dryRun;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        int parallelism = parallel != null ? parallel : MigrateCommand.defaultParallelism();
        MigrationService.Request request = new MigrationService.Request(tenants, parallelism, dryRun);
        CrmCommand root = MigrateCommand.root(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (CoreSession session = root.openSession(parallelism)) {
            MigrationOutcome control = session.core().migrations().migrateControl();
            boolean human = output.format() == com.makcrm.cli.output.OutputFormat.table;
            FanOutListener progress = human ? new Progress(out, root.interactive()) : FanOutListener.NONE;
            FanOutReport report = session.core().migrations().up(request, progress);
            if (human) {
                out.println(summary(report));
            } else {
                Printer.print(out, output.format(), view(control, report), null);
            }
            out.flush();
            if (report.succeeded()) {
                return ExitCodes.OK;
            }
            // stdout may be a JSON file or discarded in CI: the failure must also show on stderr
            PrintWriter err = spec.commandLine().getErr();
            err.println("ERROR: " + failureSummary(report));
            err.flush();
            return ExitCodes.MIGRATION_FAILED;
        }
    }

    private static String failureSummary(FanOutReport r) {
        List<String> failed = r.results().stream()
                .filter(t -> t.state() == TenantMigrationResult.State.FAILED)
                .map(TenantMigrationResult::tenant)
                .toList();
        return failed.size() + " of " + r.results().size() + " tenant(s) failed to migrate ("
                + String.join(", ", failed) + "); fix the cause and run 'crm migrate up' again to resume";
    }

    private static String summary(FanOutReport r) {
        String verb = r.dryRun() ? "planned" : "migrated";
        return verb + " " + r.results().size() + " tenant(s): " + (r.results().size() - r.failed()) + " ok, "
                + r.failed() + " failed in " + Describe.millis(r.duration());
    }

    private static Map<String, Object> view(MigrationOutcome control, FanOutReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", report.dryRun());
        m.put("controlVersion", control.toVersion());
        m.put("durationMs", report.duration().toMillis());
        m.put("failed", report.failed());
        m.put("tenants", report.results().stream().map(MigrateUpCommand::result).toList());
        return m;
    }

    private static Map<String, Object> result(TenantMigrationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", r.tenant());
        m.put("state", r.state().name());
        m.put("fromVersion", r.fromVersion());
        m.put("toVersion", r.toVersion());
        m.put("applied", r.applied());
        m.put("durationMs", r.duration().toMillis());
        m.put("error", r.error());
        return m;
    }
}
