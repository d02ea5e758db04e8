package com.makcrm.core.tenant;

import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.schema.MigrationOutcome;
import com.makcrm.core.schema.SchemaMigrator;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.OperationRecord.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenant lifecycle over the control schema. Every operation takes the slug's advisory lock, changes status with a
 * compare-and-set, and writes the operation log, whether it succeeds or not.
 */
public final class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);
    public static final String DEFAULT_SHARD = "default";

    private final DataSource dataSource;
    private final TenantStore store;
    private final OperationLog operations;
    private final SchemaMigrator migrator;
    private final Duration deletionGrace;
    private final Clock clock;

    public TenantService(DataSource dataSource, SchemaMigrator migrator, Duration deletionGrace, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.store = new TenantStore(dataSource);
        this.operations = new OperationLog(dataSource);
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.deletionGrace = Objects.requireNonNull(deletionGrace, "deletionGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The result of {@link #create}: the tenant, and whether this call created it (false: identical one existed). */
    public record Created(Tenant tenant, boolean created) {}

    /**
     * Provisions a tenant all-or-nothing: register (PROVISIONING) → create schema and migrate → ACTIVE. On failure
     * the schema and the registration are removed, so creating it again succeeds. Creating an ACTIVE tenant that
     * already exists with the same name is a no-op.
     */
    public Created create(String slug, String displayName, String actor) {
        SlugRule.check(slug);
        String name = SlugRule.checkDisplayName(displayName == null ? slug : displayName);
        Instant start = clock.instant();
        return audited(slug, "create", actor, start, () -> {
            try (AdvisoryLock ignored = TenantLock.acquire(dataSource, slug, "create")) {
                Tenant existing = store.findBySlug(slug).orElse(null);
                if (existing != null && existing.status() == TenantStatus.PROVISIONING) {
                    discardAbandoned(existing, actor); // we hold the lock, so its creator is gone
                } else if (existing != null) {
                    return existingOrConflict(existing, name, actor, start);
                }
                return new Created(provision(slug, name, actor, start), true);
            }
        });
    }

    /** Runs a tenant operation, writing a FAILED entry to the operation log when it throws. */
    private <T> T audited(String slug, String op, String actor, Instant start, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            recordFailure(slug, op, actor, start, e);
            throw e;
        }
    }

    private Created existingOrConflict(Tenant existing, String name, String actor, Instant start) {
        if (existing.status() == TenantStatus.ACTIVE && existing.displayName().equals(name)) {
            operations.record(existing.id(), existing.slug(), "create", actor, Outcome.NOOP, "already exists", start);
            return new Created(existing, false);
        }
        if (existing.status() == TenantStatus.DELETED) {
            throw CrmException.conflict(
                    AccessMessages.SLUG_HELD_BY_DELETED,
                    Map.of("slug", existing.slug(), "purgeAfter", String.valueOf(existing.purgeAfter())));
        }
        throw CrmException.conflict(
                AccessMessages.EXISTS_WITH,
                Map.of(
                        "slug",
                        existing.slug(),
                        "status",
                        existing.status().name(),
                        "name",
                        String.valueOf(existing.displayName())));
    }

    private Tenant provision(String slug, String name, String actor, Instant start) {
        UUID id = UuidV7.next();
        Tenant draft = new Tenant(
                id,
                slug,
                name,
                TenantStatus.PROVISIONING,
                Tenant.schemaNameFor(id),
                DEFAULT_SHARD,
                null,
                null,
                null,
                null,
                null);
        store.insertProvisioning(draft);
        try {
            MigrationOutcome outcome = migrator.provisionTenant(draft.schemaName());
            store.updateSchemaVersion(id, outcome.toVersion());
            if (!store.transition(id, TenantStatus.PROVISIONING, TenantStatus.ACTIVE, "")) {
                throw CrmException.internal("tenant " + slug + " left PROVISIONING unexpectedly", null);
            }
        } catch (RuntimeException e) {
            rollBack(draft, e);
            throw e;
        }
        operations.record(id, slug, "create", actor, Outcome.OK, "schema " + draft.schemaName(), start);
        log.info("tenant {} provisioned in schema {}", slug, draft.schemaName());
        return get(slug);
    }

    private void rollBack(Tenant draft, RuntimeException cause) {
        try {
            store.dropSchema(draft.schemaName());
            store.deleteProvisioning(draft.id());
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup); // left PROVISIONING: the next create of this slug cleans it up
        }
    }

    private void discardAbandoned(Tenant abandoned, String actor) {
        log.warn("tenant {} was left in PROVISIONING by an interrupted create; cleaning up", abandoned.slug());
        store.dropSchema(abandoned.schemaName());
        store.deleteProvisioning(abandoned.id());
        operations.record(
                abandoned.id(),
                abandoned.slug(),
                "cleanup-abandoned-create",
                actor,
                Outcome.OK,
                "dropped schema " + abandoned.schemaName(),
                clock.instant());
    }

    /**
     * Restores backed-up data into a tenant: the loader fills a staging schema, which then replaces the tenant's
     * schema in one transaction (other tenants are not touched; this one is unavailable only during the swap).
     * Replacing an existing tenant needs {@link RestoreRequest#force()}; a tenant that is gone, or a clone
     * ({@link RestoreRequest#asSlug()}), is registered ACTIVE by the swap. A DELETED tenant restored over becomes
     * ACTIVE again; a SUSPENDED one stays suspended. Re-running after a crash starts over cleanly.
     */
    public Tenant restore(RestoreRequest request, StagingLoader loader) {
        return new TenantRestore(dataSource, store, operations, clock).restore(request, loader);
    }

    public List<Tenant> list() {
        return store.listLive();
    }

    /** Tenants whose schemas migration fan-out keeps current (ACTIVE and SUSPENDED). */
    public List<Tenant> listMigrated() {
        return store.listMigrated();
    }

    public Tenant get(String slug) {
        return store.findBySlug(slug)
                .orElseThrow(() -> CrmException.notFound(CoreMessages.TENANT_NOT_FOUND, Map.of("slug", slug)));
    }

    /** The tenant with this id, in any status but PURGED; a credential names its tenant by id. */
    public Tenant getById(UUID id) {
        return store.findById(id)
                .filter(t -> t.status() != TenantStatus.PURGED)
                .orElseThrow(
                        () -> CrmException.notFound(CoreMessages.TENANT_NOT_FOUND_BY_ID, Map.of("id", id.toString())));
    }

    public List<OperationRecord> recentOperations(String slug, int limit) {
        return operations.recent(slug, limit);
    }

    /** Records the schema version a migration left a tenant at. */
    public void recordSchemaVersion(UUID tenantId, String version) {
        store.updateSchemaVersion(tenantId, version);
    }

    public Tenant suspend(String slug, String actor) {
        return changeStatus(slug, "suspend", TenantStatus.ACTIVE, TenantStatus.SUSPENDED, actor);
    }

    public Tenant resume(String slug, String actor) {
        return changeStatus(slug, "resume", TenantStatus.SUSPENDED, TenantStatus.ACTIVE, actor);
    }

    private Tenant changeStatus(String slug, String op, TenantStatus from, TenantStatus to, String actor) {
        Instant start = clock.instant();
        return audited(slug, op, actor, start, () -> {
            try (AdvisoryLock ignored = TenantLock.acquire(dataSource, slug, op)) {
                Tenant t = get(slug);
                if (t.status() == to) {
                    operations.record(t.id(), slug, op, actor, Outcome.NOOP, "already " + to, start);
                    return t;
                }
                if (t.status() != from || !store.transition(t.id(), from, to, "")) {
                    throw CrmException.conflict(
                            AccessMessages.WRONG_STATUS,
                            Map.of(
                                    "operation",
                                    op,
                                    "slug",
                                    slug,
                                    "status",
                                    t.status().name(),
                                    "expected",
                                    from.name()));
                }
                operations.record(t.id(), slug, op, actor, Outcome.OK, from + " -> " + to, start);
                return get(slug);
            }
        });
    }

    /**
     * Soft delete: status DELETED, schema and slug kept until the grace period ends. With {@code purge} the schema
     * is dropped and the slug freed at once (a DELETED tenant can be purged later the same way). Stored objects
     * (attachments) are not touched: see {@link #delete(String, boolean, String, ObjectStorage)}.
     */
    public Tenant delete(String slug, boolean purge, String actor) {
        return delete(slug, purge, actor, null);
    }

    /**
     * As {@link #delete(String, boolean, String)}; a purge first removes every object the tenant has in
     * {@code objects} (its {@code tenants/<id>/} part: attachments), then drops the schema. If removing fails, the
     * tenant stays DELETED with its schema, and running the purge again finishes it. {@code objects} null: objects
     * are left where they are, and the operation log says so.
     */
    public Tenant delete(String slug, boolean purge, String actor, ObjectStorage objects) {
        Instant start = clock.instant();
        return audited(slug, purge ? "purge" : "delete", actor, start, () -> {
            try (AdvisoryLock ignored = TenantLock.acquire(dataSource, slug, "delete")) {
                Tenant t = get(slug);
                if (t.status() == TenantStatus.PROVISIONING) {
                    throw CrmException.conflict(AccessMessages.STILL_PROVISIONING, Map.of("slug", slug));
                }
                if (t.status() != TenantStatus.DELETED) {
                    softDelete(t, actor, start);
                } else if (!purge) {
                    operations.record(t.id(), slug, "delete", actor, Outcome.NOOP, "already deleted", start);
                }
                if (purge) {
                    purgeDeleted(t, actor, start, objects);
                }
                return store.findById(t.id()).orElseThrow();
            }
        });
    }

    private void softDelete(Tenant t, String actor, Instant start) {
        Instant now = clock.instant();
        if (!store.transition(
                t.id(),
                t.status(),
                TenantStatus.DELETED,
                "deleted_at = ?, purge_after = ?",
                now,
                now.plus(deletionGrace))) {
            throw CrmException.conflict(AccessMessages.CHANGED_WHILE_DELETING, Map.of("slug", t.slug()));
        }
        operations.record(t.id(), t.slug(), "delete", actor, Outcome.OK, "grace " + deletionGrace, start);
    }

    private void purgeDeleted(Tenant t, String actor, Instant start, ObjectStorage objects) {
        String objectsDone = objects == null
                ? " (stored objects not removed: no object storage given)"
                : ", removed " + removeObjects(objects, t.id()) + " stored objects";
        store.dropSchema(t.schemaName());
        store.transition(t.id(), TenantStatus.DELETED, TenantStatus.PURGED, "");
        operations.record(
                t.id(), t.slug(), "purge", actor, Outcome.OK, "dropped schema " + t.schemaName() + objectsDone, start);
    }

    /** Deletes every object under the tenant's prefix; the keys are listed first, then deleted one by one. */
    private static long removeObjects(ObjectStorage objects, UUID tenantId) {
        List<String> keys;
        try (Stream<ObjectSummary> listed = objects.list(TenantStorage.prefixOf(tenantId))) {
            keys = listed.map(ObjectSummary::key).toList();
        }
        keys.forEach(objects::delete);
        return keys.size();
    }

    private void recordFailure(String slug, String op, String actor, Instant start, RuntimeException e) {
        try {
            UUID id = store.findBySlug(slug).map(Tenant::id).orElse(null);
            operations.record(id, slug, op, actor, Outcome.FAILED, e.getMessage(), start);
        } catch (RuntimeException logFailure) {
            e.addSuppressed(logFailure);
        }
    }
}
