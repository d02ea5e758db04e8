package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.VerificationRecord;
import com.makcrm.core.backup.VerificationRecords;
import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one backup's manifest: a row per table part (-o json|yaml: the whole manifest).")
final class BackupShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP_ID")
    private UUID backupId;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (BackupSession session = BackupSession.open(spec, repo, 1)) {
            BackupManifest b = session.backups().manifest(session.repository(), backupId);
            VerificationRecord verified = new VerificationRecords(session.repository())
                    .latest(backupId)
                    .orElse(null);
            PrintWriter out = spec.commandLine().getOut();
            if (output.format() == OutputFormat.table) {
                out.println("backup " + b.backupId() + " (" + b.kind() + ") of "
                        + (b.dump() == null
                                ? "tenant " + b.tenantSlug()
                                : "database " + b.dump().database() + " (PostgreSQL "
                                        + b.dump().serverVersion() + ", pg_dump "
                                        + b.dump().pgDumpVersion() + ")")
                        + " at schema version " + b.schemaVersion());
                out.println("started " + b.started() + ", finished " + b.finished() + ", format " + b.formatVersion()
                        + ", tool " + b.toolVersion());
                out.println(b.tables().size() + " table(s), " + BackupView.rows(b) + " row(s), "
                        + b.objects().size() + " object(s), " + BackupView.bytes(b.totalBytes()) + " stored");
                out.println("encryption: " + BackupView.encryption(b));
                out.println("last verified: " + BackupView.lastVerified(verified));
                out.println();
            }
            Map<String, Object> view = BackupView.manifest(b);
            view.put("lastVerified", BackupView.verification(verified));
            Printer.print(out, output.format(), view, () -> BackupView.partsTable(b));
            return ExitCodes.OK;
        }
    }
}
