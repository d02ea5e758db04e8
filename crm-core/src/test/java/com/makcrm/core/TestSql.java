package com.makcrm.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers for asserting on what is really in the database. */
public final class TestSql {

    private final DataSource dataSource;

    public TestSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... args) {
        return ((Number) one(sql, args)).longValue();
    }

    public Object one(String sql, Object... args) {
        List<Object> values = column(sql, args);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + values.size());
        }
        return values.get(0);
    }

    public List<Object> column(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public boolean schemaExists(String schema) {
        return count("select count(*) from pg_namespace where nspname = ?", schema) == 1;
    }

    public boolean tableExists(String schema, String table) {
        return count(
                        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                        schema,
                        table)
                == 1;
    }

    /** Schemas that look like tenant schemas, whoever registered them. */
    public long tenantSchemaCount() {
        return count("select count(*) from pg_namespace where nspname ~ '^t_[0-9a-f]{32}$'");
    }
}
