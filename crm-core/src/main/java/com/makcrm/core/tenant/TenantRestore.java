package com.makcrm.core.tenant;

import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.tenant.OperationRecord.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry side of a tenant restore: which tenant receives the data, the staging schema it is loaded into, and
 * the swap that puts it in place.
 *
 * <ul>
 *   <li>The staging schema's name derives from the target slug, whose advisory lock the restore holds, so two
 *       restores never share one and a restore re-run after a crash starts by dropping what the crashed one left.
 *   <li>The swap is one transaction: the live schema is renamed aside, the staging schema takes its name, and the
 *       tenant row gets the new schema version (a new tenant's row is inserted there). Requests running during it
 *       wait on the row and schema locks for the length of the transaction, not of the restore.
 *   <li>The replaced schema is dropped only after the swap committed; one left behind by a crash is dropped by the
 *       next restore of the tenant.
 * </ul>
 */
final class TenantRestore {

    private static final Logger log = LoggerFactory.getLogger(TenantRestore.class);

    private final DataSource dataSource;
    private final TenantStore store;
    private final OperationLog operations;
    private final Clock clock;

    TenantRestore(DataSource dataSource, TenantStore store, OperationLog operations, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.operations = operations;
        this.clock = clock;
    }

    private enum Mode {
        /** The tenant exists and its data is replaced. */
        REPLACE,
        /** The tenant is registered by the swap: a clone, or a tenant that was purged or never here. */
        REGISTER
    }

    Tenant restore(RestoreRequest request, StagingLoader loader) {
        Instant start = clock.instant();
        String slug = targetSlug(request);
        try (AdvisoryLock ignored = TenantLock.acquire(dataSource, slug, "restore")) {
            Tenant target;
            Mode mode;
            Optional<Tenant> existing = request.asClone() ? Optional.empty() : store.findById(request.tenantId());
            if (existing.isPresent() && live(existing.get())) {
                target = existing.get();
                if (!request.force()) {
                    throw CrmException.conflict(
                            AccessMessages.RESTORE_NEEDS_FORCE,
                            Map.of(
                                    "slug",
                                    target.slug(),
                                    "status",
                                    target.status().name()));
                }
                mode = Mode.REPLACE;
            } else {
                target = registration(request, slug, existing);
                mode = Mode.REGISTER;
            }
            String staging = stagingSchemaFor(slug);
            dropLeftovers(staging, target);
            String version;
            try {
                version = loader.fill(target, staging);
            } catch (RuntimeException e) {
                dropQuietly(staging, e);
                throw e;
            }
            List<String> replaced = swap(target, staging, version, mode);
            for (String schema : replaced) {
                dropSchema(schema);
            }
            Tenant restored = store.findById(target.id()).orElseThrow();
            operations.record(
                    restored.id(),
                    restored.slug(),
                    "restore",
                    request.actor(),
                    Outcome.OK,
                    request.detail() + (mode == Mode.REPLACE ? ", replaced the tenant's data" : ", registered"),
                    start);
            log.info("tenant {} restored ({}) at schema version {}", restored.slug(), request.detail(), version);
            return restored;
        } catch (RuntimeException e) {
            try {
                operations.record(
                        request.asClone() ? null : request.tenantId(),
                        slug,
                        "restore",
                        request.actor(),
                        Outcome.FAILED,
                        request.detail() + ": " + e.getMessage(),
                        start);
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    private static String targetSlug(RestoreRequest request) {
        if (request.asClone()) {
            SlugRule.check(request.asSlug());
            return request.asSlug();
        }
        return request.slug();
    }

    private static boolean live(Tenant t) {
        return t.status() == TenantStatus.ACTIVE
                || t.status() == TenantStatus.SUSPENDED
                || t.status() == TenantStatus.DELETED;
    }

    /** The tenant the swap will register; its slug must be free (we hold its lock, so it stays free). */
    private Tenant registration(RestoreRequest request, String slug, Optional<Tenant> previous) {
        Optional<Tenant> holder = store.findBySlug(slug);
        if (holder.isPresent() && holder.get().status() == TenantStatus.PROVISIONING) {
            // we hold the slug's lock, so whoever was provisioning it is gone
            store.dropSchema(holder.get().schemaName());
            store.deleteProvisioning(holder.get().id());
            holder = Optional.empty();
        }
        if (holder.isPresent()) {
            throw CrmException.conflict(
                    request.asClone() ? AccessMessages.RESTORE_CLONE_SLUG_TAKEN : AccessMessages.RESTORE_SLUG_TAKEN,
                    Map.of("slug", slug));
        }
        if (previous.isPresent() && previous.get().status() == TenantStatus.PROVISIONING) {
            store.dropSchema(previous.get().schemaName()); // an abandoned create under the old slug
            store.deleteProvisioning(previous.get().id());
            previous = Optional.empty();
        }
        UUID id = request.asClone() ? UuidV7.next() : request.tenantId();
        String name = previous.map(Tenant::displayName).orElse(slug);
        return new Tenant(
                id,
                slug,
                name,
                TenantStatus.PROVISIONING,
                Tenant.schemaNameFor(id),
                TenantService.DEFAULT_SHARD,
                null,
                null,
                null,
                null,
                null);
    }

    /** {@code r_} and 32 hex digits of the slug's hash: one staging schema per target slug. */
    static String stagingSchemaFor(String slug) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(("restore:" + slug).getBytes(StandardCharsets.UTF_8));
            return "r_" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replacedPrefix(Tenant target) {
        return "x_" + target.schemaName().substring(2) + "_";
    }

    /** What a crashed restore of this target left: its staging schema, and schemas it swapped out. */
    private void dropLeftovers(String staging, Tenant target) {
        dropSchema(staging);
        for (String schema : schemasStartingWith(replacedPrefix(target))) {
            log.warn("dropping schema {}, replaced by an earlier restore of tenant {}", schema, target.slug());
            dropSchema(schema);
        }
    }

    private List<String> swap(Tenant target, String staging, String version, Mode mode) {
        String live = target.schemaName();
        String aside = replacedPrefix(target) + clock.instant().getEpochSecond();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> replaced = new ArrayList<>();
                if (mode == Mode.REPLACE) {
                    lockRow(c, target);
                }
                if (schemaExists(c, live)) {
                    execute(
                            c,
                            "alter schema " + Sql.quoteIdentifier(live) + " rename to " + Sql.quoteIdentifier(aside));
                    replaced.add(aside);
                }
                execute(c, "alter schema " + Sql.quoteIdentifier(staging) + " rename to " + Sql.quoteIdentifier(live));
                if (mode == Mode.REPLACE) {
                    update(c, """
                            update crm_control.tenant
                               set schema_version = ?, updated_at = now(),
                                   status = case when status = 'DELETED' then 'ACTIVE' else status end,
                                   deleted_at = null, purge_after = null
                             where id = ?""", version, target.id());
                } else if (update(c, """
                                update crm_control.tenant
                                   set slug = ?, status = 'ACTIVE', schema_name = ?, schema_version = ?,
                                       updated_at = now(), deleted_at = null, purge_after = null
                                 where id = ? and status = 'PURGED'""", target.slug(), live, version, target.id()) == 0) {
                    update(c, """
                            insert into crm_control.tenant
                                (id, slug, display_name, status, schema_name, shard, schema_version)
                            values (?, ?, ?, 'ACTIVE', ?, ?, ?)""", target.id(), target.slug(), target.displayName(), live, target.shard(), version);
                }
                c.commit();
                return replaced;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw TenantStore.translate("swapping in the restored schema of tenant " + target.slug(), e);
        }
    }

    private static void lockRow(Connection c, Tenant target) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select status from crm_control.tenant where id = ? for update")) {
            ps.setObject(1, target.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !TenantStatus.valueOf(rs.getString(1)).equals(target.status())) {
                    throw CrmException.conflict(AccessMessages.RESTORE_CHANGED, Map.of("slug", target.slug()));
                }
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<String> schemasStartingWith(String prefix) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select nspname from pg_namespace where left(nspname, length(?)) = ? order by nspname")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw TenantStore.translate("looking for schemas left by an earlier restore", e);
        }
    }

    private void dropSchema(String schema) {
        if (!schema.matches("[rx]_[0-9a-f]{32}(_[0-9]+)?")) {
            throw CrmException.internal("refusing to drop schema " + schema + ": not a restore's schema", null);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            execute(c, "drop schema if exists " + Sql.quoteIdentifier(schema) + " cascade");
        } catch (SQLException e) {
            throw TenantStore.translate("dropping schema " + schema, e);
        }
    }

    private void dropQuietly(String schema, RuntimeException cause) {
        try {
            dropSchema(schema);
        } catch (RuntimeException e) {
            cause.addSuppressed(e); // the next restore of this tenant drops it
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
