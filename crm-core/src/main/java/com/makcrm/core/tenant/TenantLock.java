package com.makcrm.core.tenant;

import com.makcrm.core.error.CrmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A session-level PostgreSQL advisory lock on one slug, held on its own connection for the whole operation.
 * Being a server-side lock, it also serializes operations from different processes (CLI and servers), and it
 * vanishes with a crashed process, which is how a stale PROVISIONING row is recognised as abandoned.
 */
final class TenantLock implements AutoCloseable {

    /** Namespace of our advisory locks (first key); the second key is a hash of the slug. */
    private static final int NAMESPACE = 0x43524d54; // "CRMT"

    private final Connection connection;
    private final String slug;

    private TenantLock(Connection connection, String slug) {
        this.connection = connection;
        this.slug = slug;
    }

    /** Takes the lock or fails at once with CONFLICT: we never queue behind a long provisioning. */
    static TenantLock acquire(DataSource dataSource, String slug, String operation) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            if (tryLock(c, slug)) {
                return new TenantLock(c, slug);
            }
            c.close();
            throw CrmException.conflict("tenant '" + slug + "' is busy: another operation on it is in progress"
                    + " (cannot " + operation + " now; retry when it has finished)");
        } catch (SQLException e) {
            closeQuietly(c);
            throw TenantStore.translate("locking tenant " + slug, e);
        }
    }

    private static boolean tryLock(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, NAMESPACE);
            ps.setString(2, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            ps.setInt(1, NAMESPACE);
            ps.setString(2, slug);
            ps.execute();
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
