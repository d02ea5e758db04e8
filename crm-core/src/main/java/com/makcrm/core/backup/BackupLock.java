package com.makcrm.core.backup;

import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The advisory lock on one tenant's backups, held while a backup runs, whichever process started it. */
final class BackupLock {

    /** Namespace of backup locks (first key); the second key is a hash of the tenant id. */
    private static final int NAMESPACE = 0x43524d42; // "CRMB"

    private BackupLock() {}

    /**
     * The lock on cluster backups of {@code database}, taken on a connection of its own, or CONFLICT at once: two
     * pg_dumps of one database side by side double its load for a second copy of the same data.
     */
    static AdvisoryLock acquireCluster(PgConnection database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(database.jdbcUrl());
        if (database.user() != null) {
            ds.setUser(database.user());
        }
        if (database.password() != null) {
            ds.setPassword(database.password());
        }
        try {
            return AdvisoryLock.tryAcquire(ds, NAMESPACE, "cluster")
                    .orElseThrow(() -> CrmException.conflict(
                            BackupMessages.CLUSTER_LOCK_BUSY, Map.of("database", database.describe())));
        } catch (SQLException e) {
            throw Sql.translate("locking " + database.describe() + " for a cluster backup", e, database.describe());
        }
    }

    /** Takes the lock or fails at once with CONFLICT: a second backup would only duplicate the first. */
    static AdvisoryLock acquire(DataSource dataSource, UUID tenantId, String slug) {
        try {
            return AdvisoryLock.tryAcquire(dataSource, NAMESPACE, tenantId.toString())
                    .orElseThrow(() -> CrmException.conflict(BackupMessages.LOCK_BUSY, Map.of("slug", slug)));
        } catch (SQLException e) {
            throw Sql.translate("locking tenant " + slug + " for a backup", e, "the tenant database");
        }
    }
}
