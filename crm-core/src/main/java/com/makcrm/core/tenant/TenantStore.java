package com.makcrm.core.tenant;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** JDBC access to {@code crm_control.tenant}. Status changes are compare-and-set on the current status. */
final class TenantStore {

    private static final String COLUMNS = "id, slug, display_name, status, schema_name, shard, schema_version,"
            + " created_at, updated_at, deleted_at, purge_after";

    private final DataSource dataSource;

    TenantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The live (not purged) tenant with this slug. */
    Optional<Tenant> findBySlug(String slug) {
        return queryOne("select " + COLUMNS + " from crm_control.tenant where slug = ? and status <> 'PURGED'", slug);
    }

    Optional<Tenant> findById(UUID id) {
        return queryOne("select " + COLUMNS + " from crm_control.tenant where id = ?", id);
    }

    List<Tenant> listLive() {
        return query("select " + COLUMNS + " from crm_control.tenant where status <> 'PURGED' order by slug");
    }

    List<Tenant> listMigrated() {
        return query("select " + COLUMNS + " from crm_control.tenant"
                + " where status in ('ACTIVE', 'SUSPENDED') order by slug");
    }

    void insertProvisioning(Tenant t) {
        String sql = "insert into crm_control.tenant (id, slug, display_name, status, schema_name, shard)"
                + " values (?, ?, ?, 'PROVISIONING', ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, t.id());
            ps.setString(2, t.slug());
            ps.setString(3, t.displayName());
            ps.setString(4, t.schemaName());
            ps.setString(5, t.shard());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw CrmException.conflict(AccessMessages.EXISTS, Map.of("slug", t.slug()));
            }
            throw translate("registering tenant " + t.slug(), e);
        }
    }

    /** Moves a tenant from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean transition(UUID id, TenantStatus from, TenantStatus to, String extraSet, Object... extraArgs) {
        String sql = "update crm_control.tenant set status = ?, updated_at = now()"
                + (extraSet.isEmpty() ? "" : ", " + extraSet) + " where id = ? and status = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, to.name());
            for (Object arg : extraArgs) {
                ps.setObject(i++, arg instanceof Instant instant ? Timestamp.from(instant) : arg);
            }
            ps.setObject(i++, id);
            ps.setString(i, from.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw translate("changing tenant status to " + to, e);
        }
    }

    void updateSchemaVersion(UUID id, String version) {
        execute("update crm_control.tenant set schema_version = ?, updated_at = now() where id = ?", version, id);
    }

    void deleteProvisioning(UUID id) {
        execute("delete from crm_control.tenant where id = ? and status = 'PROVISIONING'", id);
    }

    /** Drops a tenant schema and everything in it; used for failed provisioning and purges only. */
    void dropSchema(String schemaName) {
        if (!schemaName.matches("t_[0-9a-f]{32}")) {
            throw CrmException.internal("refusing to drop non-tenant schema " + schemaName, null);
        }
        execute("drop schema if exists \"" + schemaName + "\" cascade");
    }

    boolean schemaExists(String schemaName) {
        String sql = "select 1 from pg_namespace where nspname = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schemaName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw translate("looking up schema " + schemaName, e);
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw translate("updating tenants", e);
        }
    }

    private Optional<Tenant> queryOne(String sql, Object arg) {
        List<Tenant> found = query(sql, arg);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Tenant> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Tenant> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw translate("reading tenants", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static Tenant map(ResultSet rs) throws SQLException {
        return new Tenant(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("display_name"),
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("schema_name"),
                rs.getString("shard"),
                rs.getString("schema_version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "deleted_at"),
                instant(rs, "purge_after"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static CrmException translate(String doing, SQLException e) {
        return Sql.translate(doing, e, "the configured database");
    }
}
