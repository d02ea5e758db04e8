package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.backup.BackupManifest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the complete backups in the repository, oldest first.")
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
            Printer.print(
                    spec.commandLine().getOut(),
                    output.format(),
                    backups.stream().map(BackupView::summary).toList(),
                    () -> BackupView.listTable(backups));
            return ExitCodes.OK;
        }
    }
}
