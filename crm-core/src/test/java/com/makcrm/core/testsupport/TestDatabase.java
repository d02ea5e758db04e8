package com.makcrm.core.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of its own for one test class, so parallel or repeated runs never see each other's data:
 *
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 *
 * <p>Before all tests it creates {@code crm_test_<random>} on {@link TestServices#postgres()}; after all
 * tests it closes its pool and drops the database, even if connections are still open. The field must be
 * static: JUnit calls the class-level callbacks only for static extensions. Nested test classes share the
 * outer class's database.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final int MAX_POOL_SIZE = 10;

    private int depth; // > 1 inside @Nested classes, which call the callbacks again
    private PostgresServer server;
    private String name;
    private HikariDataSource dataSource;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws SQLException {
        if (depth++ == 0) {
            create();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException {
        if (depth > 0 && --depth == 0) {
            drop();
        }
    }

    public synchronized String name() {
        requireCreated();
        return name;
    }

    public synchronized String jdbcUrl() {
        requireCreated();
        return server.jdbcUrl(name);
    }

    public synchronized String user() {
        requireCreated();
        return server.user();
    }

    public synchronized String password() {
        requireCreated();
        return server.password();
    }

    /** A pool on this database, created on first use and closed by the extension: do not close it. */
    public synchronized DataSource dataSource() {
        requireCreated();
        if (dataSource == null) {
            dataSource = newPool();
        }
        return dataSource;
    }

    /** Drops a database a test created besides its own; logs instead of failing, as it runs in cleanup. */
    public static void dropQuietly(String name) {
        try {
            dropDatabase(TestServices.postgres(), name);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not drop test database {}", name, e);
        }
    }

    private void create() throws SQLException {
        server = TestServices.postgres();
        name = "crm_test_" + RandomNames.lowercase(16);
        executeOnServer(server, "CREATE DATABASE " + name);
    }

    private void drop() throws SQLException {
        String dropped = name;
        name = null;
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (dropped != null) {
            dropDatabase(server, dropped);
        }
    }

    private HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(name));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(0); // connect on demand: many test JVMs share the server's connection limit
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    private void requireCreated() {
        if (name == null) {
            throw new IllegalStateException("no test database now: register TestDatabase with @RegisterExtension"
                    + " on a static field and use it between beforeAll and afterAll");
        }
    }

    private static void dropDatabase(PostgresServer server, String name) throws SQLException {
        // the name is spliced into SQL, so only plain identifiers are accepted (quoted: keywords too)
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase database name: " + name);
        }
        // FORCE (PostgreSQL 13+) ends sessions a test left open, which would otherwise block the drop
        executeOnServer(server, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    // CREATE and DROP DATABASE need a connection to another database, outside a transaction
    private static void executeOnServer(PostgresServer server, String sql) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", server.user());
        if (!server.password().isEmpty()) {
            credentials.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(MAINTENANCE_DATABASE), credentials);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
