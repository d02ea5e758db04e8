package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.VerificationRecord;
import com.makcrm.core.backup.VerificationRecords;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the complete backups in the repository, oldest first, with their last verification.")
final class BackupListCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "SLUG", description = "Only the backups of this tenant.")
    private String tenant;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (BackupSession session = BackupSession.open(spec, repo, 1)) {
            List<BackupManifest> backups = session.backups().list(session.repository()).stream()
                    .filter(b -> tenant == null || tenant.equals(b.tenantSlug()))
                    .toList();
            Map<UUID, VerificationRecord> verified = new VerificationRecords(session.repository()).latestOfAll();
            Printer.print(
                    spec.commandLine().getOut(),
                    output.format(),
                    backups.stream()
                            .map(b -> BackupView.summary(b, verified.get(b.backupId())))
                            .toList(),
                    () -> BackupView.listTable(backups, verified));
            return ExitCodes.OK;
        }
    }
}
