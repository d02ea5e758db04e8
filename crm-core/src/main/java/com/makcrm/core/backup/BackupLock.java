package com.makcrm.core.backup;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A session-level PostgreSQL advisory lock on one tenant's backups, held on its own connection while a backup runs.
 * Server-side, so it serializes backups started by different processes, and it vanishes with a crashed one.
 */
final class BackupLock implements AutoCloseable {

    /** Namespace of backup locks (first key); the second key is a hash of the tenant id. */
    private static final int NAMESPACE = 0x43524d42; // "CRMB"

    private final Connection connection;
    private final UUID tenantId;

    private BackupLock(Connection connection, UUID tenantId) {
        this.connection = connection;
        this.tenantId = tenantId;
    }

    /** Takes the lock or fails at once with CONFLICT: a second backup would only duplicate the first. */
    static BackupLock acquire(DataSource dataSource, UUID tenantId, String slug) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            if (call(c, "select pg_try_advisory_lock(?, hashtext(?))", tenantId)) {
                return new BackupLock(c, tenantId);
            }
            c.close();
            throw CrmException.conflict(
                    "a backup of tenant '" + slug + "' is already running; retry when it has finished");
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sql.translate("locking tenant " + slug + " for a backup", e, "the tenant database");
        }
    }

    private static boolean call(Connection c, String sql, UUID tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, NAMESPACE);
            ps.setString(2, tenantId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            call(connection, "select pg_advisory_unlock(?, hashtext(?))", tenantId);
        } catch (SQLException ignored) {
            // the lock dies with the session anyway; closing the connection below ends it
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do: the connection is being discarded
        }
    }
}
