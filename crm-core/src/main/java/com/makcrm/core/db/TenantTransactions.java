package com.makcrm.core.db;

import com.makcrm.core.error.CrmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs work inside one tenant's schema: a transaction whose search_path is the tenant schema (then {@code public}
 * for extension operators such as pg_trgm's). The schema name always comes from the control registry, and is
 * still checked here and bound as a parameter, never spliced into SQL.
 */
public final class TenantTransactions {

    private static final Pattern SCHEMA = Pattern.compile("t_[0-9a-f]{32}|[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;

    public TenantTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T write(String schema, Work<T> work) {
        return run(schema, false, work);
    }

    public <T> T read(String schema, Work<T> work) {
        return run(schema, true, work);
    }

    private <T> T run(String schema, boolean readOnly, Work<T> work) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw CrmException.internal("not a tenant schema name: " + schema, null);
        }
        return Sql.inTransaction(dataSource, "tenant database work", "the configured database", c -> {
            enter(c, schema, readOnly);
            return work.run(c);
        });
    }

    /** Search path and read-only mode in one round trip: on a short read, round trips are most of the cost. */
    private static void enter(Connection c, String schema, boolean readOnly) throws SQLException {
        String sql = "select set_config('search_path', ?, true)"
                + (readOnly ? ", set_config('transaction_read_only', 'on', true)" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "\"" + schema + "\", public");
            ps.execute();
        }
    }
}
