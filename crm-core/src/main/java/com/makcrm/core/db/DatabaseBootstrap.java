package com.makcrm.core.db;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates the CRM database on first use, so a fresh cluster needs no manual {@code createdb}. */
public final class DatabaseBootstrap {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String INVALID_CATALOG = "3D000";

    private DatabaseBootstrap() {}

    /**
     * Ensures the database named in {@code url} exists.
     *
     * @return true when it had to be created
     */
    public static boolean ensureDatabaseExists(String url, String user, String password) {
        JdbcUrl parsed = JdbcUrl.parse(url);
        if (parsed.database() == null) {
            throw CrmException.invalid(StorageMessages.DB_URL_NO_DATABASE, Map.of("url", String.valueOf(url)));
        }
        if (canConnect(url, user, password, parsed)) {
            return false;
        }
        if (!SAFE_NAME.matcher(parsed.database()).matches()) {
            throw CrmException.invalid(StorageMessages.DB_NAME_UNSAFE, Map.of("name", parsed.database()));
        }
        return create(parsed, user, password);
    }

    private static boolean canConnect(String url, String user, String password, JdbcUrl parsed) {
        try (Connection ignored = DriverManager.getConnection(url, props(user, password))) {
            return true;
        } catch (SQLException e) {
            if (INVALID_CATALOG.equals(e.getSQLState())) {
                return false;
            }
            throw Sql.translate("connecting", e, parsed.hostPort());
        }
    }

    private static boolean create(JdbcUrl parsed, String user, String password) {
        String maintenance = parsed.withDatabase("postgres");
        try (Connection c = DriverManager.getConnection(maintenance, props(user, password))) {
            if (exists(c, parsed.database())) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + parsed.database() + "\"");
            }
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false; // created concurrently by another process: fine
            }
            throw Sql.translate("creating database " + parsed.database(), e, parsed.hostPort());
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        return p;
    }
}
