package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.ClusterBackups;
import java.io.PrintWriter;

/**
 * The cluster half of {@code crm restore <backup-id> --target-db-url <url>}: the backup's pg_dump archive into an
 * empty database (created when missing) with pg_restore, then its objects back into the application store
 * ({@code CRM_STORAGE_URL}). The target uses this run's database user and password unless its URL has its own.
 */
final class ClusterRestoreRun {

    private ClusterRestoreRun() {}

    static int restore(BackupSession session, BackupManifest manifest, String targetDbUrl, PrintWriter out) {
        ClusterBackups.Restored r =
                session.clusterBackups().restore(manifest, session.repository(), session.connection(targetDbUrl));
        out.println("restored cluster backup " + r.backupId() + " into " + r.database() + ": "
                + BackupView.bytes(r.dumpBytes()) + " of pg_dump archive, " + r.objectsCopied()
                + " object(s) copied, " + r.objectsPresent() + " already there");
        out.flush();
        return ExitCodes.OK;
    }
}
