package com.makcrm.core.migration;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.StorageMessages;
import com.makcrm.core.migration.TenantMigrationResult.State;
import com.makcrm.core.schema.MigrationOutcome;
import com.makcrm.core.schema.SchemaMigrator;
import com.makcrm.core.schema.SchemaState;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Migrations across tenants: the control schema once, then every ACTIVE and SUSPENDED tenant schema with bounded
 * parallelism. A failing tenant is reported and the others go on; a re-run picks up where it stopped. Flyway's
 * per-schema lock keeps two concurrent runs from applying a migration twice.
 */
public final class MigrationService {

    private final SchemaMigrator migrator;
    private final TenantService tenants;

    public MigrationService(SchemaMigrator migrator, TenantService tenants) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    /** Fan-out request. An empty {@code tenantSlugs} means all migrated tenants. */
    public record Request(List<String> tenantSlugs, int parallelism, boolean dryRun) {
        public Request {
            tenantSlugs = List.copyOf(tenantSlugs);
            if (parallelism < 1 || parallelism > 64) {
                throw CrmException.invalid(
                        StorageMessages.MIGRATION_PARALLELISM, Map.of("value", String.valueOf(parallelism)));
            }
        }
    }

    public MigrationOutcome migrateControl() {
        return migrator.migrateControl();
    }

    public FanOutReport up(Request request, FanOutListener listener) {
        List<Tenant> targets = select(request.tenantSlugs());
        long start = System.nanoTime();
        List<TenantMigrationResult> results =
                fanOut(targets, request.parallelism(), listener, t -> request.dryRun() ? plan(t) : migrate(t));
        return new FanOutReport(results, Duration.ofNanos(System.nanoTime() - start), request.dryRun());
    }

    /** Status of every migrated tenant (read-only). */
    public List<TenantSchemaStatus> status(int parallelism) {
        return fanOut(tenants.listMigrated(), parallelism, FanOutListener.NONE, this::inspect);
    }

    public SchemaState controlStatus() {
        return migrator.inspectControl();
    }

    public String latestTenantVersion() {
        return migrator.latestTenantVersion();
    }

    private List<Tenant> select(List<String> slugs) {
        if (slugs.isEmpty()) {
            return tenants.listMigrated();
        }
        List<Tenant> chosen = new ArrayList<>();
        for (String slug : slugs) {
            Tenant t = tenants.get(slug);
            if (!t.status().isMigrated()) {
                throw CrmException.conflict(
                        StorageMessages.MIGRATION_TENANT_NOT_MIGRATED,
                        Map.of("slug", slug, "status", String.valueOf(t.status())));
            }
            chosen.add(t);
        }
        return chosen;
    }

    private TenantMigrationResult migrate(Tenant t) {
        long start = System.nanoTime();
        try {
            MigrationOutcome outcome = migrator.migrateTenant(t.schemaName());
            if (outcome.toVersion() != null && !outcome.toVersion().equals(t.schemaVersion())) {
                tenants.recordSchemaVersion(t.id(), outcome.toVersion());
            }
            return new TenantMigrationResult(
                    t.slug(),
                    State.OK,
                    outcome.fromVersion(),
                    outcome.toVersion(),
                    outcome.applied(),
                    since(start),
                    null);
        } catch (CrmException e) {
            return new TenantMigrationResult(
                    t.slug(),
                    State.FAILED,
                    t.schemaVersion(),
                    t.schemaVersion(),
                    List.of(),
                    since(start),
                    e.getMessage());
        }
    }

    private TenantMigrationResult plan(Tenant t) {
        long start = System.nanoTime();
        try {
            SchemaState state = migrator.inspectTenant(t.schemaName());
            String target = state.pending().isEmpty() ? state.currentVersion() : last(state.pending());
            return new TenantMigrationResult(
                    t.slug(), State.PLANNED, state.currentVersion(), target, state.pending(), since(start), null);
        } catch (CrmException e) {
            return new TenantMigrationResult(
                    t.slug(), State.FAILED, t.schemaVersion(), null, List.of(), since(start), e.getMessage());
        }
    }

    private TenantSchemaStatus inspect(Tenant t) {
        try {
            SchemaState s = migrator.inspectTenant(t.schemaName());
            return new TenantSchemaStatus(t.slug(), t.status(), s.currentVersion(), s.pending(), s.drift(), null);
        } catch (CrmException e) {
            return new TenantSchemaStatus(
                    t.slug(), t.status(), t.schemaVersion(), List.of(), List.of(), e.getMessage());
        }
    }

    private static <R> List<R> fanOut(
            Collection<Tenant> targets, int parallelism, FanOutListener listener, Function<Tenant, R> work) {
        listener.started(targets.size());
        if (targets.isEmpty()) {
            return List.of();
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, targets.size()), r -> {
            Thread thread = new Thread(r, "crm-migrate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (Tenant t : targets) {
                futures.add(pool.submit(() -> {
                    R result = work.apply(t);
                    if (result instanceof TenantMigrationResult r) {
                        listener.finished(r, done.incrementAndGet(), targets.size());
                    }
                    return result;
                }));
            }
            return collect(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> List<R> collect(List<Future<R>> futures) {
        List<R> results = new ArrayList<>(futures.size());
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmException(ErrorCategory.INTERNAL, StorageMessages.MIGRATION_INTERRUPTED.source(), e)
                        .withMessage(StorageMessages.MIGRATION_INTERRUPTED, Map.of());
            } catch (ExecutionException e) {
                throw new CrmException(
                                ErrorCategory.INTERNAL, StorageMessages.MIGRATION_WORKER_FAILED.source(), e.getCause())
                        .withMessage(StorageMessages.MIGRATION_WORKER_FAILED, Map.of());
            }
        }
        return results;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
