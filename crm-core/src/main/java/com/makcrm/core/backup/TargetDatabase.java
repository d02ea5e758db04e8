package com.makcrm.core.backup;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Plain JDBC against a database given by URL: what a cluster backup or restore reads before it starts. */
final class TargetDatabase {

    private static final int NAMES_SHOWN = 10;

    private TargetDatabase() {}

    interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T query(PgConnection database, String doing, Query<T> query) {
        Properties props = new Properties();
        if (database.user() != null) {
            props.setProperty("user", database.user());
        }
        if (database.password() != null) {
            props.setProperty("password", database.password());
        }
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), props)) {
            return query.run(c);
        } catch (SQLException e) {
            throw Sql.translate(doing + " " + database.describe(), e, database.describe());
        }
    }

    /**
     * A cluster restore goes only into an empty database: no schema besides {@code public}, {@code pg_*} and
     * {@code information_schema}, and no relation in {@code public}. INVALID naming what is there otherwise.
     */
    static void requireEmpty(PgConnection target) {
        List<String> found = query(target, "inspecting", c -> {
            List<String> names = new ArrayList<>();
            names.addAll(names(
                    c,
                    "select 'schema ' || nspname from pg_namespace where nspname not in ('public',"
                            + " 'information_schema') and nspname not like 'pg\\_%' order by nspname"));
            names.addAll(names(
                    c,
                    "select 'table public.' || c.relname from pg_class c join pg_namespace n on n.oid ="
                            + " c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm',"
                            + " 'S', 'f') order by c.relname"));
            return names;
        });
        if (!found.isEmpty()) {
            String shown = String.join(", ", found.subList(0, Math.min(found.size(), NAMES_SHOWN)));
            int more = Math.max(0, found.size() - NAMES_SHOWN);
            throw CrmException.invalid(
                    BackupMessages.TARGET_NOT_EMPTY, Map.of("target", target.describe(), "names", shown, "more", more));
        }
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
