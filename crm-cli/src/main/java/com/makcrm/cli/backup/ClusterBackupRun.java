package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.Progress;
import com.makcrm.cli.output.Table;
import com.makcrm.core.backup.BackupListener;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import java.io.PrintWriter;
import java.util.List;

/** {@code crm backup create --cluster}: one cluster backup, shown like tenant backups (a table, or -o json|yaml). */
final class ClusterBackupRun {

    private ClusterBackupRun() {}

    static int create(BackupSession session, OutputFormat format, PrintWriter out, boolean showProgress) {
        Progress progress = showProgress ? new Progress(out, true) : null;
        BackupListener listener = BackupListener.NONE;
        if (progress != null) {
            progress.status("dumping the database with pg_dump");
            listener = new BackupListener() {
                @Override
                public void objectStored(ObjectEntry object, boolean uploaded) {
                    progress.status("object " + object.key() + (uploaded ? "" : " (already in the repository)"));
                }
            };
        }
        BackupManifest b = session.clusterBackups().create(session.repository(), listener);
        if (format == OutputFormat.table) {
            table(b).print(out);
        } else {
            Printer.print(out, format, List.of(BackupView.manifest(b)), null);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Table table(BackupManifest b) {
        Table table = new Table("KIND", "BACKUP", "DATABASE", "DUMP", "OBJECTS", "BYTES", "DURATION");
        table.row(
                b.kind(),
                b.backupId(),
                b.dump().database(),
                BackupView.bytes(b.dump().bytes()),
                b.objects().size(),
                BackupView.bytes(b.totalBytes()),
                BackupView.duration(b).toMillis() + " ms");
        return table;
    }
}
