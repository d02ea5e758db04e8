package com.makcrm.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TenantServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantService tenants;
    private static TestSql sql;

    @BeforeAll
    static void setUp() {
        CrmCore core = core(List.of());
        core.migrations().migrateControl();
        tenants = core.tenants();
        sql = new TestSql(db.dataSource());
    }

    private static CrmCore core(List<String> extraMigrations) {
        return CrmCore.create(db.dataSource(), CrmCore.Settings.defaults().withExtraTenantMigrations(extraMigrations));
    }

    private static String slug() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void createProvisionsActiveTenantWithMigratedSchema() {
        String slug = slug();
        TenantService.Created created = tenants.create(slug, "Acme Corp", "tester");

        Tenant t = created.tenant();
        assertThat(created.created()).isTrue();
        assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(t.displayName()).isEqualTo("Acme Corp");
        assertThat(t.shard()).isEqualTo("default");
        assertThat(t.schemaName()).isEqualTo("t_" + t.id().toString().replace("-", ""));
        assertThat(t.schemaVersion()).isEqualTo(core(List.of()).schemas().latestTenantVersion());
        assertThat(sql.tableExists(t.schemaName(), "tenant_setting")).isTrue();
        assertThat(sql.tableExists(t.schemaName(), "flyway_schema_history")).isTrue();
        assertThat(t.id().version()).isEqualTo(7);
    }

    @Test
    void createOfIdenticalActiveTenantIsNoOp() {
        String slug = slug();
        Tenant first = tenants.create(slug, "Same", "tester").tenant();

        TenantService.Created again = tenants.create(slug, "Same", "tester");

        assertThat(again.created()).isFalse();
        assertThat(again.tenant().id()).isEqualTo(first.id());
        assertThat(sql.count("select count(*) from crm_control.tenant where slug = ?", slug))
                .isEqualTo(1);
        assertThat(tenants.recentOperations(slug, 1).get(0).outcome()).isEqualTo(OperationRecord.Outcome.NOOP);
    }

    @Test
    void createWithDifferentNameOfExistingSlugConflicts() {
        String slug = slug();
        tenants.create(slug, "One", "tester");

        assertThatThrownBy(() -> tenants.create(slug, "Two", "tester"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("already exists")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.CONFLICT);
        assertThat(tenants.recentOperations(slug, 1).get(0).outcome()).isEqualTo(OperationRecord.Outcome.FAILED);
    }

    @Test
    void twoConcurrentCreatesOfOneSlugYieldExactlyOneTenantAndOneConflict() throws Exception {
        TenantService slowTenants = core(List.of("classpath:db/test-slow")).tenants();
        String slug = slug();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (String name : List.of("First", "Second")) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return slowTenants.create(slug, name, "racer");
                } catch (CrmException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results)
                .filteredOn(r -> r instanceof TenantService.Created c && c.created())
                .hasSize(1);
        assertThat(results)
                .filteredOn(r -> r instanceof CrmException e && e.category() == ErrorCategory.CONFLICT)
                .hasSize(1);
        assertThat(sql.count("select count(*) from crm_control.tenant where slug = ?", slug))
                .isEqualTo(1);
        Tenant winner = tenants.get(slug);
        assertThat(winner.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(sql.schemaExists(winner.schemaName())).isTrue();
    }

    @Test
    void failedProvisioningLeavesNoTenantNoSchemaAndCanBeRetried() {
        String slug = slug();
        long schemasBefore = sql.tenantSchemaCount();
        TenantService broken = core(List.of("classpath:db/test-failing")).tenants();

        assertThatThrownBy(() -> broken.create(slug, "Broken", "tester"))
                .isInstanceOf(CrmException.class)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.MIGRATION_FAILED);

        assertThat(sql.count("select count(*) from crm_control.tenant where slug = ?", slug))
                .isZero();
        assertThat(sql.tenantSchemaCount()).isEqualTo(schemasBefore);
        assertThat(tenants.recentOperations(slug, 1).get(0).outcome()).isEqualTo(OperationRecord.Outcome.FAILED);

        Tenant retried = tenants.create(slug, "Broken", "tester").tenant();
        assertThat(retried.status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void createCleansUpProvisioningAbandonedByACrashedProcess() {
        String slug = slug();
        UUID id = UUID.randomUUID();
        String schema = "t_" + id.toString().replace("-", "");
        sql.execute(
                "insert into crm_control.tenant (id, slug, display_name, status, schema_name)"
                        + " values (?, ?, 'Crashed', 'PROVISIONING', ?)",
                id,
                slug,
                schema);
        sql.execute("create schema " + schema);

        Tenant t = tenants.create(slug, "Recovered", "tester").tenant();

        assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(t.id()).isNotEqualTo(id);
        assertThat(sql.schemaExists(schema)).isFalse();
    }

    @Test
    void suspendAndResumeMoveBetweenActiveAndSuspended() {
        String slug = slug();
        tenants.create(slug, null, "tester");

        assertThat(tenants.suspend(slug, "tester").status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(tenants.suspend(slug, "tester").status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(tenants.resume(slug, "tester").status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenants.get(slug).displayName()).isEqualTo(slug);
    }

    @Test
    void resumeOfDeletedTenantConflictsAndChangesNothing() {
        String slug = slug();
        tenants.create(slug, null, "tester");
        tenants.delete(slug, false, "tester");

        assertThatThrownBy(() -> tenants.resume(slug, "tester"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("it is DELETED");
        assertThat(tenants.get(slug).status()).isEqualTo(TenantStatus.DELETED);
    }

    @Test
    void softDeleteKeepsSchemaAndReservesSlugForTheGracePeriod() {
        String slug = slug();
        Tenant t = tenants.create(slug, null, "tester").tenant();

        Tenant deleted = tenants.delete(slug, false, "tester");

        assertThat(deleted.status()).isEqualTo(TenantStatus.DELETED);
        assertThat(deleted.purgeAfter())
                .isAfter(deleted.deletedAt()
                        .plus(CrmCore.Settings.DEFAULT_DELETION_GRACE)
                        .minusSeconds(1));
        assertThat(sql.schemaExists(t.schemaName())).isTrue();
        assertThatThrownBy(() -> tenants.create(slug, null, "tester"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("reserved by a deleted tenant");
    }

    @Test
    void purgeDropsSchemaAndFreesSlug() {
        String slug = slug();
        Tenant t = tenants.create(slug, null, "tester").tenant();
        tenants.delete(slug, false, "tester");

        Tenant purged = tenants.delete(slug, true, "tester");

        assertThat(purged.status()).isEqualTo(TenantStatus.PURGED);
        assertThat(sql.schemaExists(t.schemaName())).isFalse();
        assertThatThrownBy(() -> tenants.get(slug)).isInstanceOf(CrmException.class);
        Tenant reborn = tenants.create(slug, null, "tester").tenant();
        assertThat(reborn.id()).isNotEqualTo(t.id());
    }

    @Test
    void purgeRemovesTheTenantsStoredObjectsAndNoOneElses(@TempDir Path dir) {
        try (ObjectStorage store = ObjectStorages.fromUrl(dir.toUri().toString())) {
            String slug = slug();
            Tenant t = tenants.create(slug, null, "tester").tenant();
            UUID other = UUID.randomUUID();
            put(store, TenantStorage.prefixOf(t.id()) + "attachments/a");
            put(store, TenantStorage.prefixOf(t.id()) + "attachments/b");
            put(store, TenantStorage.prefixOf(other) + "attachments/c");

            Tenant purged = tenants.delete(slug, true, "tester", store);

            assertThat(purged.status()).isEqualTo(TenantStatus.PURGED);
            assertThat(keys(store, "tenants/")).containsExactly(TenantStorage.prefixOf(other) + "attachments/c");
            assertThat(sql.schemaExists(t.schemaName())).isFalse();
        }
    }

    @Test
    void aPurgeWhoseObjectsCannotBeRemovedKeepsTheTenantForAnotherTry(@TempDir Path dir) {
        try (ObjectStorage store = ObjectStorages.fromUrl(dir.toUri().toString())) {
            String slug = slug();
            Tenant t = tenants.create(slug, null, "tester").tenant();
            put(store, TenantStorage.prefixOf(t.id()) + "attachments/a");
            ObjectStorage failing = new ObjectStorage() {
                @Override
                public StoredObject put(String key, InputStream content, long length, String contentType) {
                    return store.put(key, content, length, contentType);
                }

                @Override
                public StoredObjectStream get(String key) {
                    return store.get(key);
                }

                @Override
                public Optional<StoredObject> stat(String key) {
                    return store.stat(key);
                }

                @Override
                public void delete(String key) {
                    throw CrmException.unavailable("the store is down", null);
                }

                @Override
                public Stream<ObjectSummary> list(String prefix) {
                    return store.list(prefix);
                }
            };

            assertThatThrownBy(() -> tenants.delete(slug, true, "tester", failing))
                    .isInstanceOfSatisfying(
                            CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE));
            assertThat(tenants.get(slug).status()).isEqualTo(TenantStatus.DELETED);
            assertThat(sql.schemaExists(t.schemaName())).isTrue();

            assertThat(tenants.delete(slug, true, "tester", store).status()).isEqualTo(TenantStatus.PURGED);
            assertThat(keys(store, "tenants/")).isEmpty();
        }
    }

    private static void put(ObjectStorage store, String key) {
        store.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "application/octet-stream");
    }

    private static List<String> keys(ObjectStorage store, String prefix) {
        try (Stream<ObjectSummary> listed = store.list(prefix)) {
            return listed.map(ObjectSummary::key).toList();
        }
    }

    @Test
    void unknownTenantIsNotFoundNamingTheSlug() {
        assertThatThrownBy(() -> tenants.suspend("no-such-tenant", "tester"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("'no-such-tenant'")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
    }

    @Test
    void unknownTenantCarriesATranslatableMessage() {
        CrmException e = catchThrowableOfType(CrmException.class, () -> tenants.get("no-such-tenant"));

        assertThat(e.message()).isEqualTo(CoreMessages.TENANT_NOT_FOUND);
        assertThat(Messages.fromClasspath().format(e.message(), Locale.forLanguageTag("ru"), e.messageArgs()))
                .isEqualTo("тенант «no-such-tenant» не найден");
        assertThat(Messages.fromClasspath().format(e.message(), Locale.ENGLISH, e.messageArgs()))
                .isEqualTo(e.getMessage());
    }

    @Test
    void everyOperationIsLoggedWithActorAndOutcome() {
        String slug = slug();
        tenants.create(slug, null, "alice");
        tenants.suspend(slug, "bob");
        tenants.resume(slug, "carol");

        List<OperationRecord> ops = tenants.recentOperations(slug, 10);

        assertThat(ops).extracting(OperationRecord::operation).containsExactly("resume", "suspend", "create");
        assertThat(ops).extracting(OperationRecord::actor).containsExactly("carol", "bob", "alice");
        assertThat(ops).allMatch(o -> o.outcome() == OperationRecord.Outcome.OK);
        assertThat(ops).allMatch(o -> !o.finishedAt().isBefore(o.startedAt()));
    }
}
