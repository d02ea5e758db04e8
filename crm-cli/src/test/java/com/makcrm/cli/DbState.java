package com.makcrm.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads what the CLI left in a database, straight from PostgreSQL, so tests check outcomes and not output only. */
public final class DbState {

    private final DataSource dataSource;

    public DbState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The status of the live (not purged) tenant with this slug, if any. */
    public Optional<String> tenantStatus(String slug) {
        return optionalString("select status from crm_control.tenant where slug = ? and status <> 'PURGED'", slug);
    }

    public Optional<String> tenantName(String slug) {
        return optionalString(
                "select display_name from crm_control.tenant where slug = ? and status <> 'PURGED'", slug);
    }

    /** The schema of the most recent tenant row with this slug, purged or not. */
    public String schemaOf(String slug) {
        return optionalString(
                        "select schema_name from crm_control.tenant where slug = ? order by created_at desc limit 1",
                        slug)
                .orElseThrow(() -> new AssertionError("no tenant row for " + slug));
    }

    /** The id of the live (not purged) tenant with this slug. */
    public String tenantId(String slug) {
        return optionalString("select id::text from crm_control.tenant where slug = ? and status <> 'PURGED'", slug)
                .orElseThrow(() -> new AssertionError("no live tenant " + slug));
    }

    public Optional<String> recordedSchemaVersion(String slug) {
        return optionalString(
                "select schema_version from crm_control.tenant where slug = ? and status <> 'PURGED'", slug);
    }

    /** How many tenant rows (any status) the control schema holds; 0 when it does not exist yet. */
    public int tenantRows() {
        if (optionalString("select to_regclass('crm_control.tenant')::text").isEmpty()) {
            return 0;
        }
        return Integer.parseInt(
                optionalString("select count(*)::text from crm_control.tenant").orElseThrow());
    }

    public boolean tenantExists(String slug) {
        return tenantRows() > 0 && tenantStatus(slug).isPresent();
    }

    public boolean schemaExists(String schema) {
        return optionalString("select nspname from pg_namespace where nspname = ?", schema)
                .isPresent();
    }

    /** Successfully applied versions in a schema's Flyway history, in order. */
    public List<String> appliedVersions(String schema) {
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from \"" + schema
                        + "\".flyway_schema_history where success and version is not null order by installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> optionalString(String sql, String... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
