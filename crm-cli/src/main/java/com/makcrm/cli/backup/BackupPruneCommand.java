package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.backup.BackupPruner;
import com.makcrm.core.backup.PrunePlan;
import com.makcrm.core.backup.PruneResult;
import com.makcrm.core.backup.RetentionPolicy;
import com.makcrm.core.tenant.Tenant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = {
            "Delete the backups a retention policy does not keep: keep-last, keep-daily,",
            "keep-weekly, keep-monthly per tenant (periods in UTC). Then remove unfinished",
            "backups and objects no backup needs, once older than the policy's object-grace.",
            "The newest verified backup of an ACTIVE or SUSPENDED tenant is always kept.",
            "Prints the plan: KEEP or DELETE per backup, with the reasons.",
            "Example policy with every key explained: backups/policy.yaml."
        })
final class BackupPruneCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "The retention policy (YAML).")
    private Path policyFile;

    @Option(names = "--dry-run", description = "Print the plan only; delete nothing.")
    private boolean dryRun;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        RetentionPolicy policy = RetentionPolicy.load(policyFile); // a bad policy fails before anything is opened
        try (BackupSession session = BackupSession.open(spec, repo, 1)) {
            Set<UUID> live = session.core().core().tenants().listMigrated().stream()
                    .map(Tenant::id)
                    .collect(Collectors.toSet());
            BackupPruner pruner = new BackupPruner(session.repository());
            PrunePlan plan = pruner.plan(policy, live);
            PrintWriter out = spec.commandLine().getOut();
            boolean human = output.format() == OutputFormat.table;
            if (human) {
                PruneView.planTable(plan).print(out);
                PruneView.planFooter(plan).forEach(out::println);
                out.flush();
            }
            PruneResult result = dryRun ? null : pruner.execute(plan);
            if (human) {
                out.println(dryRun ? PruneView.dryRunSummary(plan) : PruneView.resultSummary(result));
                out.flush();
            } else {
                Printer.print(out, output.format(), PruneView.machine(plan, result, dryRun), null);
            }
            return ExitCodes.OK;
        }
    }
}
