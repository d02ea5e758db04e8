package com.makcrm.core.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hibernate's connections, one tenant schema at a time: a pooled connection whose search_path is the tenant
 * schema, then {@code public} (extension functions). The path is set for the session, as Hibernate takes the
 * connection before it begins the transaction, and reset when the connection goes back to the pool.
 *
 * <p>Sessions without a tenant ({@link TenantBinding#NO_TENANT}: repository set-up, a caller's own transaction)
 * get a connection with the default path, where no tenant table is visible.
 */
final class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private final transient DataSource dataSource;

    SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenant) throws SQLException {
        if (TenantBinding.NO_TENANT.equals(tenant)) {
            return getAnyConnection();
        }
        // checked again here: the name reaches SQL (as a bound value, still) on every connection Hibernate takes
        TenantBinding.requireTenantSchema(tenant);
        Connection connection = dataSource.getConnection();
        try {
            setSearchPath(connection, tenant);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String tenant, Connection connection) throws SQLException {
        if (TenantBinding.NO_TENANT.equals(tenant)) {
            connection.close();
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("RESET search_path");
        } catch (SQLException e) {
            // a connection that may still point at a tenant schema must not be reused by the pool
            connection.abort(Runnable::run);
            throw e;
        } finally {
            connection.close();
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (isUnwrappableAs(type)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap " + getClass().getName() + " as " + type.getName());
    }

    private static void setSearchPath(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', ?, false)")) {
            ps.setString(1, "\"" + schema + "\", public");
            ps.execute();
        }
    }
}
