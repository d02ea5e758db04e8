package com.makcrm.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.migration.TenantMigrationResult.State;
import com.makcrm.core.schema.Drift;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test gets its own database, so "all tenants" means exactly the tenants the test created. */
class MigrationServiceTest {

    private final TestDatabase db = new TestDatabase();

    private TestSql sql;
    private CrmCore base;

    @BeforeEach
    void setUp() throws Exception {
        db.beforeAll(null);
        sql = new TestSql(db.dataSource());
        base = core();
        base.migrations().migrateControl();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.afterAll(null);
    }

    private CrmCore core(String... extraLocations) {
        return CrmCore.create(
                db.dataSource(), CrmCore.Settings.defaults().withExtraTenantMigrations(List.of(extraLocations)));
    }

    private List<Tenant> createTenants(int n) {
        TenantService tenants = base.tenants();
        String prefix = "m" + UUID.randomUUID().toString().substring(0, 6);
        return IntStream.range(0, n)
                .mapToObj(i -> tenants.create(prefix + "-" + i, null, "tester").tenant())
                .toList();
    }

    private static MigrationService.Request all(int parallelism) {
        return new MigrationService.Request(List.of(), parallelism, false);
    }

    private static Map<String, TenantMigrationResult> bySlug(FanOutReport report) {
        return report.results().stream().collect(Collectors.toMap(TenantMigrationResult::tenant, Function.identity()));
    }

    @Test
    void fanOutAppliesNewMigrationToActiveAndSuspendedTenantsOnly() {
        List<Tenant> t = createTenants(4);
        base.tenants().suspend(t.get(1).slug(), "tester");
        base.tenants().delete(t.get(2).slug(), false, "tester");
        List<TenantMigrationResult> seen = new CopyOnWriteArrayList<>();

        FanOutReport report = core("classpath:db/test-next").migrations().up(all(3), new FanOutListener() {
            @Override
            public void finished(TenantMigrationResult result, int done, int total) {
                seen.add(result);
            }
        });

        assertThat(report.succeeded()).isTrue();
        assertThat(report.results())
                .extracting(TenantMigrationResult::tenant)
                .containsExactlyInAnyOrder(
                        t.get(0).slug(), t.get(1).slug(), t.get(3).slug());
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.applied()).containsExactly("9500");
            assertThat(r.fromVersion()).isEqualTo(base.schemas().latestTenantVersion());
            assertThat(r.toVersion()).isEqualTo("9500");
        });
        assertThat(seen).hasSize(3);
        assertThat(sql.tableExists(t.get(0).schemaName(), "next_release_marker"))
                .isTrue();
        assertThat(sql.tableExists(t.get(2).schemaName(), "next_release_marker"))
                .isFalse();
        assertThat(base.tenants().get(t.get(3).slug()).schemaVersion()).isEqualTo("9500");
    }

    @Test
    void failingTenantDoesNotStopOthersAndRerunFinishes() {
        List<Tenant> t = createTenants(3);
        Tenant poisoned = t.get(1);
        sql.execute("create table " + poisoned.schemaName() + ".poison (id int)");
        MigrationService migrations = core("classpath:db/test-poison").migrations();

        FanOutReport first = migrations.up(all(2), FanOutListener.NONE);

        assertThat(first.failed()).isEqualTo(1);
        TenantMigrationResult failed = bySlug(first).get(poisoned.slug());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.error()).contains("poisoned tenant schema");
        assertThat(bySlug(first).get(t.get(0).slug()).state()).isEqualTo(State.OK);
        assertThat(bySlug(first).get(t.get(2).slug()).applied()).containsExactly("9300");
        assertThat(sql.tableExists(poisoned.schemaName(), "after_poison_check")).isFalse();

        sql.execute("drop table " + poisoned.schemaName() + ".poison");
        FanOutReport rerun = migrations.up(all(2), FanOutListener.NONE);

        assertThat(rerun.succeeded()).isTrue();
        assertThat(bySlug(rerun).get(poisoned.slug()).applied()).containsExactly("9300");
        assertThat(bySlug(rerun).get(t.get(0).slug()).applied()).isEmpty();
        assertThat(sql.tableExists(poisoned.schemaName(), "after_poison_check")).isTrue();
    }

    @Test
    void twoConcurrentFanOutsNeverApplyAMigrationTwice() {
        List<Tenant> t = createTenants(3);
        MigrationService a = core("classpath:db/test-counted").migrations();
        MigrationService b = core("classpath:db/test-counted").migrations();

        CompletableFuture<FanOutReport> first = CompletableFuture.supplyAsync(() -> a.up(all(2), FanOutListener.NONE));
        CompletableFuture<FanOutReport> second = CompletableFuture.supplyAsync(() -> b.up(all(2), FanOutListener.NONE));

        assertThat(first.join().succeeded()).isTrue();
        assertThat(second.join().succeeded()).isTrue();
        for (Tenant tenant : t) {
            assertThat(sql.count("select count(*) from " + tenant.schemaName() + ".migration_runs"))
                    .isEqualTo(1);
            assertThat(sql.count("select count(*) from " + tenant.schemaName()
                            + ".flyway_schema_history where version = '9400'"))
                    .isEqualTo(1);
        }
        long appliedByEither = first.join().results().stream()
                        .filter(r -> !r.applied().isEmpty())
                        .count()
                + second.join().results().stream()
                        .filter(r -> !r.applied().isEmpty())
                        .count();
        assertThat(appliedByEither).isEqualTo(3);
    }

    @Test
    void dryRunListsPendingPerTenantAndChangesNothing() {
        List<Tenant> t = createTenants(2);

        FanOutReport plan = core("classpath:db/test-next")
                .migrations()
                .up(new MigrationService.Request(List.of(), 2, true), FanOutListener.NONE);

        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.results()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(State.PLANNED);
            assertThat(r.applied()).containsExactly("9500");
        });
        assertThat(sql.tableExists(t.get(0).schemaName(), "next_release_marker"))
                .isFalse();
        assertThat(sql.count("select count(*) from " + t.get(0).schemaName()
                        + ".flyway_schema_history where version = '9500'"))
                .isZero();
    }

    @Test
    void upForNamedTenantsOnlyTouchesThoseAndRejectsUnknownSlugs() {
        List<Tenant> t = createTenants(2);
        MigrationService migrations = core("classpath:db/test-next").migrations();

        FanOutReport report =
                migrations.up(new MigrationService.Request(List.of(t.get(1).slug()), 1, false), FanOutListener.NONE);

        assertThat(report.results())
                .extracting(TenantMigrationResult::tenant)
                .containsExactly(t.get(1).slug());
        assertThat(sql.tableExists(t.get(0).schemaName(), "next_release_marker"))
                .isFalse();
        assertThatThrownBy(() -> migrations.up(
                        new MigrationService.Request(List.of("ghost-tenant"), 1, false), FanOutListener.NONE))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("'ghost-tenant'");
    }

    @Test
    void statusShowsPendingAndFlagsEachKindOfDrift() {
        List<Tenant> t = createTenants(4);
        String edited = t.get(1).schemaName();
        String future = t.get(2).schemaName();
        String failed = t.get(3).schemaName();
        sql.execute("update " + edited + ".flyway_schema_history set checksum = checksum + 1 where version = '1'");
        insertHistory(future, "9999", true);
        insertHistory(failed, "9998", false);

        Map<String, TenantSchemaStatus> status = core("classpath:db/test-next").migrations().status(2).stream()
                .collect(Collectors.toMap(TenantSchemaStatus::tenant, Function.identity()));

        TenantSchemaStatus clean = status.get(t.get(0).slug());
        assertThat(clean.currentVersion()).isEqualTo(base.schemas().latestTenantVersion());
        assertThat(clean.pending()).containsExactly("9500");
        assertThat(clean.drift()).isEmpty();
        assertThat(kinds(status.get(t.get(1).slug()))).containsExactly(Drift.Kind.CHECKSUM_MISMATCH);
        assertThat(kinds(status.get(t.get(2).slug()))).contains(Drift.Kind.UNKNOWN_APPLIED);
        assertThat(kinds(status.get(t.get(3).slug()))).contains(Drift.Kind.FAILED);
    }

    private static List<Drift.Kind> kinds(TenantSchemaStatus s) {
        return s.drift().stream().map(Drift::kind).toList();
    }

    private void insertHistory(String schema, String version, boolean success) {
        sql.execute(
                "insert into " + schema + ".flyway_schema_history (installed_rank, version, description, type,"
                        + " script, checksum, installed_by, execution_time, success)"
                        + " select max(installed_rank) + 1, ?, 'applied elsewhere', 'SQL', 'V" + version
                        + "__x.sql', 1,"
                        + " 'test', 1, ? from " + schema + ".flyway_schema_history",
                version,
                success);
    }
}
