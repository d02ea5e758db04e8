package com.makcrm.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A session-level PostgreSQL advisory lock, held on a connection of its own until {@link #close()}. Being server-side,
 * it serializes work started by different processes (CLI and servers), and it vanishes with a crashed process.
 * Locks are keyed by a namespace (one per kind of work) and a text key hashed by PostgreSQL.
 */
public final class AdvisoryLock implements AutoCloseable {

    private final Connection connection;
    private final int namespace;
    private final String key;

    private AdvisoryLock(Connection connection, int namespace, String key) {
        this.connection = connection;
        this.namespace = namespace;
        this.key = key;
    }

    /** Takes the lock at once, or answers empty when another session holds it; never queues. */
    public static Optional<AdvisoryLock> tryAcquire(DataSource dataSource, int namespace, String key)
            throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            if (call(c, "select pg_try_advisory_lock(?, hashtext(?))", namespace, key)) {
                return Optional.of(new AdvisoryLock(c, namespace, key));
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        closeQuietly(c);
        return Optional.empty();
    }

    private static boolean call(Connection c, String sql, int namespace, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            call(connection, "select pg_advisory_unlock(?, hashtext(?))", namespace, key);
        } catch (SQLException ignored) {
            // the lock dies with the session anyway; closing the connection below ends it
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do: the connection is being discarded
        }
    }
}
