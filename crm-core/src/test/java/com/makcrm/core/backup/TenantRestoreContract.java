package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TestSql;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.tenant.TenantStatus;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restores and drills over a kind of repository, against real tenant schemas and a real object store. "Identical" is
 * checked per table with a query over every row's text form, on the live schema before the backup and after the
 * restore.
 */
abstract class TenantRestoreContract {

    private static final String NEXT_RELEASE = "classpath:db/test-next"; // adds table next_release_marker

    private ObjectStorage appStorage;
    private ObjectStorage repository;
    private CrmCore core;
    private TenantBackups backups;
    private TenantRestores restores;
    private TestSql sql;

    protected abstract TestDatabase database();

    protected abstract ObjectStorage newAppStorage() throws Exception;

    protected abstract ObjectStorage newRepository() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        appStorage = newAppStorage();
        repository = newRepository();
        core = coreWith(List.of());
        core.migrations().migrateControl();
        backups = new TenantBackups(database().dataSource(), appStorage);
        restores = restoresOf(core);
        sql = new TestSql(database().dataSource());
    }

    @AfterEach
    void closeStores() {
        repository.close();
        appStorage.close();
    }

    private CrmCore coreWith(List<String> extraMigrations) {
        return CrmCore.create(
                database().dataSource(),
                CrmCore.Settings.defaults().withStorage(appStorage).withExtraTenantMigrations(extraMigrations));
    }

    private TenantRestores restoresOf(CrmCore crm) {
        return new TenantRestores(database().dataSource(), appStorage, crm.tenants(), crm.schemas(), backups);
    }

    @Test
    void restoresTwoTenantsToExactlyWhatWasBackedUpWhileOtherTenantsStayUntouched() throws IOException {
        TenantScope a = seededTenant("Acme");
        TenantScope b = seededTenant("Globex");
        TenantScope bystander = seededTenant("Initech");
        Map<String, String> aBefore = checksums(a.schema());
        List<Object> aStructure = structure(a.schema());
        Map<String, String> bBefore = checksums(b.schema());
        Map<String, String> bystanderBefore = checksums(bystander.schema());
        BackupManifest aBackup = backups.create(tenant(a), repository);
        BackupManifest bBackup = backups.create(tenant(b), repository);
        // after the backups: more records, a soft delete, and a lost attachment object
        create(a, ObjectKind.COMPANY, Map.of("name", "Written after the backup"));
        core.records().delete(a, ObjectKind.TASK, firstId(a, "task"), null);
        create(b, ObjectKind.PERSON, Map.of("firstName", "Late", "lastName", "Comer"));
        String objectKey = aBackup.objects().get(0).key();
        TenantStorage.of(appStorage, a.tenantId()).delete(objectKey);
        // a file added after the backup: its row goes with the restore, so must the file; a bystander's stays
        String lateKey = "attachments/" + UUID.randomUUID();
        putText(TenantStorage.of(appStorage, a.tenantId()), lateKey, "added after the backup");
        putText(TenantStorage.of(appStorage, bystander.tenantId()), lateKey, "the bystander's own");
        assertThat(checksums(a.schema())).isNotEqualTo(aBefore);

        TenantRestores.Result aResult = restores.restore(repository, aBackup.backupId(), force(), RestoreListener.NONE);
        restores.restore(repository, bBackup.backupId(), force(), RestoreListener.NONE);

        assertThat(checksums(a.schema())).isEqualTo(aBefore);
        assertThat(structure(a.schema()))
                .as("keys, indexes and triggers rebuilt as they were")
                .isEqualTo(aStructure);
        assertThat(checksums(b.schema())).isEqualTo(bBefore);
        assertThat(checksums(bystander.schema())).isEqualTo(bystanderBefore);
        assertThat(aBefore.keySet())
                .contains("company", "person", "opportunity", "task", "note", "attachment", "timeline_event");
        assertThat(aResult.tenant().id()).isEqualTo(a.tenantId());
        assertThat(aResult.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(aResult.objectsCopied()).isEqualTo(1);
        assertThat(read(TenantStorage.of(appStorage, a.tenantId()), objectKey)).isEqualTo("contract of Acme");
        assertThat(aResult.objectsRemoved()).isEqualTo(1);
        assertThat(TenantStorage.of(appStorage, a.tenantId()).stat(lateKey)).isEmpty();
        assertThat(read(TenantStorage.of(appStorage, bystander.tenantId()), lateKey))
                .isEqualTo("the bystander's own");
        assertThat(sql.column("select name from \"" + a.schema() + "\".company"))
                .containsExactly("Acme");
        assertThat(sql.count("select count(*) from pg_namespace where nspname ~ '^[rxd]_[0-9a-f]{32}'"))
                .as("no staging, replaced or scratch schema is left")
                .isZero();
    }

    @Test
    void replacingAnExistingTenantNeedsForceAndChangesNothingWithout() {
        TenantScope a = seededTenant("Acme");
        BackupManifest backup = backups.create(tenant(a), repository);
        create(a, ObjectKind.COMPANY, Map.of("name", "Kept"));
        Map<String, String> now = checksums(a.schema());

        assertThatThrownBy(() -> restores.restore(
                        repository,
                        backup.backupId(),
                        new TenantRestores.Options(null, null, false, "test"),
                        RestoreListener.NONE))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT))
                .hasMessageContaining("add --force");
        assertThatThrownBy(() -> restores.restore(
                        repository,
                        backup.backupId(),
                        new TenantRestores.Options("someone-else", null, true, "test"),
                        RestoreListener.NONE))
                .hasMessageContaining("is of tenant '" + a.slug() + "'");
        assertThat(checksums(a.schema())).isEqualTo(now);
    }

    @Test
    void restoresAsAClone() throws IOException {
        TenantScope a = seededTenant("Acme");
        Map<String, String> before = checksums(a.schema());
        BackupManifest backup = backups.create(tenant(a), repository);
        create(a, ObjectKind.COMPANY, Map.of("name", "Only in the original"));
        String cloneSlug = "clone-" + UUID.randomUUID().toString().substring(0, 8);

        TenantRestores.Result result = restores.restore(
                repository,
                backup.backupId(),
                new TenantRestores.Options(null, cloneSlug, false, "test"),
                RestoreListener.NONE);

        Tenant clone = core.tenants().get(cloneSlug);
        assertThat(clone.id())
                .isNotEqualTo(a.tenantId())
                .isEqualTo(result.tenant().id());
        assertThat(clone.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(clone.schemaVersion()).isEqualTo(tenant(a).schemaVersion());
        assertThat(checksums(clone.schemaName())).isEqualTo(before);
        assertThat(sql.count("select count(*) from \"" + a.schema() + "\".company"))
                .isEqualTo(2); // the original is untouched
        String key = backup.objects().get(0).key();
        assertThat(read(TenantStorage.of(appStorage, clone.id()), key)).isEqualTo("contract of Acme");
        assertThatThrownBy(() -> restores.restore(
                        repository,
                        backup.backupId(),
                        new TenantRestores.Options(null, cloneSlug, false, "test"),
                        RestoreListener.NONE))
                .hasMessageContaining("tenant '" + cloneSlug + "' already exists");
    }

    @Test
    void bringsBackAPurgedTenantUnderItsIdAndSlug() {
        TenantScope a = seededTenant("Acme");
        Map<String, String> before = checksums(a.schema());
        BackupManifest backup = backups.create(tenant(a), repository);
        core.tenants().delete(a.slug(), true, "test");
        assertThat(sql.schemaExists(a.schema())).isFalse();

        restores.restore(
                repository,
                backup.backupId(),
                new TenantRestores.Options(null, null, false, "test"),
                RestoreListener.NONE);

        Tenant back = core.tenants().get(a.slug());
        assertThat(back.id()).isEqualTo(a.tenantId());
        assertThat(back.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(checksums(back.schemaName())).isEqualTo(before);
    }

    @Test
    void migratesABackupOfAnOlderSchemaVersionForward() {
        TenantScope a = seededTenant("Acme");
        Map<String, String> before = checksums(a.schema());
        BackupManifest backup = backups.create(tenant(a), repository);
        CrmCore nextRelease = coreWith(List.of(NEXT_RELEASE));
        String latest = nextRelease.schemas().latestTenantVersion();
        assertThat(latest).isNotEqualTo(backup.schemaVersion());

        TenantRestores.Result result =
                restoresOf(nextRelease).restore(repository, backup.backupId(), force(), RestoreListener.NONE);

        assertThat(result.fromVersion()).isEqualTo(backup.schemaVersion());
        assertThat(result.toVersion()).isEqualTo(latest);
        assertThat(nextRelease.tenants().get(a.slug()).schemaVersion()).isEqualTo(latest);
        assertThat(sql.tableExists(a.schema(), "next_release_marker")).isTrue();
        Map<String, String> after = checksums(a.schema());
        after.remove("next_release_marker");
        after.remove("flyway_schema_history"); // one row more: the migration applied after loading
        before.remove("flyway_schema_history");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aCorruptedPartFailsTheRestoreNamingItAndChangesNothing() throws IOException {
        TenantScope a = seededTenant("Acme");
        BackupManifest backup = backups.create(tenant(a), repository);
        create(a, ObjectKind.COMPANY, Map.of("name", "Kept"));
        Map<String, String> now = checksums(a.schema());
        String key = "backups/" + backup.backupId() + "/tables/person.copy.zst";
        byte[] part;
        try (StoredObjectStream in = repository.get(key)) {
            part = in.readAllBytes();
        }
        part[part.length / 2] ^= 0x10;
        repository.put(key, new ByteArrayInputStream(part), part.length, null);

        assertThatThrownBy(() -> restores.restore(repository, backup.backupId(), force(), RestoreListener.NONE))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.DAMAGED))
                .hasMessageContaining("table person")
                .hasMessageContaining(key);
        assertThat(checksums(a.schema())).isEqualTo(now);
        assertThat(sql.count("select count(*) from pg_namespace where nspname ~ '^r_[0-9a-f]{32}$'"))
                .isZero();
        assertThatThrownBy(() -> restores.drill(repository, backup.backupId(), RestoreListener.NONE))
                .isInstanceOf(BackupFailure.class)
                .hasMessageContaining("table person");
    }

    @Test
    void aRestoreRunAgainAfterACrashCompletes() throws Exception {
        TenantScope a = seededTenant("Acme");
        Map<String, String> before = checksums(a.schema());
        BackupManifest backup = backups.create(tenant(a), repository);
        create(a, ObjectKind.COMPANY, Map.of("name", "After"));
        // what a crash leaves: a half-filled staging schema, and a schema swapped out by an earlier restore
        String staging = stagingSchemaOf(a.slug());
        sql.execute("create schema \"" + staging + "\"");
        sql.execute("create table \"" + staging + "\".company (id int)");
        String replaced = "x_" + a.schema().substring(2) + "_1700000000";
        sql.execute("create schema \"" + replaced + "\"");

        restores.restore(repository, backup.backupId(), force(), RestoreListener.NONE);

        assertThat(checksums(a.schema())).isEqualTo(before);
        assertThat(sql.schemaExists(staging)).isFalse();
        assertThat(sql.schemaExists(replaced)).isFalse();
    }

    @Test
    void aDrillComparesEveryTableAndLeavesNothingBehind() {
        TenantScope a = seededTenant("Acme");
        BackupManifest backup = backups.create(tenant(a), repository);
        Map<String, String> now = checksums(a.schema());

        TenantRestores.DrillResult drill = restores.drill(repository, backup.backupId(), RestoreListener.NONE);

        assertThat(drill.ok()).as(String.valueOf(drill.problems())).isTrue();
        assertThat(drill.tables()).isEqualTo(backup.tables().size());
        assertThat(drill.rows())
                .isEqualTo(backup.tables().stream().mapToLong(TablePart::rows).sum());
        assertThat(sql.count("select count(*) from pg_namespace where nspname ~ '^d_[0-9a-f]{32}$'"))
                .isZero();
        assertThat(checksums(a.schema())).isEqualTo(now);
    }

    @Test
    void anEncryptedBackupRestoresWithItsKeyOnlyAndAWrongKeyChangesNothing() throws IOException {
        TenantScope a = seededTenant("Acme");
        Map<String, String> before = checksums(a.schema());
        BackupKey key = BackupKey.generate();
        TenantBackups encrypted = backups.withEncryption(key);
        BackupManifest backup = encrypted.create(tenant(a), repository);
        create(a, ObjectKind.COMPANY, Map.of("name", "Written after the backup"));
        String objectKey = backup.objects().get(0).key();
        TenantStorage.of(appStorage, a.tenantId()).delete(objectKey);
        Map<String, String> now = checksums(a.schema());

        for (TenantBackups without : List.of(backups, backups.withEncryption(BackupKey.generate()))) {
            assertThatThrownBy(() -> new TenantRestores(
                                    database().dataSource(), appStorage, core.tenants(), core.schemas(), without)
                            .restore(repository, backup.backupId(), force(), RestoreListener.NONE))
                    .isInstanceOfSatisfying(
                            BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY))
                    .hasMessageContaining(key.id());
            assertThat(checksums(a.schema())).isEqualTo(now);
        }

        new TenantRestores(database().dataSource(), appStorage, core.tenants(), core.schemas(), encrypted)
                .restore(repository, backup.backupId(), force(), RestoreListener.NONE);

        assertThat(checksums(a.schema())).isEqualTo(before);
        assertThat(read(TenantStorage.of(appStorage, a.tenantId()), objectKey)).isEqualTo("contract of Acme");
    }

    /** Replace the tenant, on three connections at once (as the CLI does by default on a multi-core machine). */
    private TenantRestores.Options force() {
        return new TenantRestores.Options(null, null, true, "test", 3);
    }

    /** A tenant with records of every type, links between them and an attachment. */
    private TenantScope seededTenant(String name) {
        String slug = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        TenantScope scope =
                TenantScope.of(core.tenants().create(slug, name, "tester").tenant(), "tester");
        UUID company = create(
                scope, ObjectKind.COMPANY, Map.of("name", name, "domain", name.toLowerCase(Locale.ROOT) + ".com"));
        UUID person = create(
                scope,
                ObjectKind.PERSON,
                Map.of("firstName", "Ada", "lastName", name, "companyId", company.toString()));
        create(
                scope,
                ObjectKind.OPPORTUNITY,
                Map.of(
                        "name",
                        name + " expansion",
                        "companyId",
                        company.toString(),
                        "pointOfContactId",
                        person.toString()));
        create(scope, ObjectKind.TASK, Map.of("title", "Call Ada at " + name));
        create(scope, ObjectKind.NOTE, Map.of("title", "Met " + name));
        byte[] content = ("contract of " + name).getBytes(StandardCharsets.UTF_8);
        core.attachments()
                .upload(
                        scope,
                        ObjectKind.COMPANY,
                        company,
                        "contract.txt",
                        "text/plain",
                        content.length,
                        new ByteArrayInputStream(content));
        return scope;
    }

    private Tenant tenant(TenantScope scope) {
        return core.tenants().getById(scope.tenantId());
    }

    private UUID create(TenantScope scope, ObjectKind kind, Map<String, Object> input) {
        return core.records()
                .create(scope, kind, input, WriteOptions.FAIL)
                .record()
                .id();
    }

    private UUID firstId(TenantScope scope, String table) {
        return (UUID) sql.one("select id from \"" + scope.schema() + "\".\"" + table + "\" order by id limit 1");
    }

    /** Every constraint, index and enabled trigger of the schema, as definitions. */
    private List<Object> structure(String schema) {
        List<Object> all = new java.util.ArrayList<>();
        all.addAll(sql.column(
                "select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                        + " where connamespace = ?::regnamespace order by 1",
                schema));
        all.addAll(sql.column("select indexdef from pg_indexes where schemaname = ? order by indexname", schema));
        all.addAll(sql.column(
                "select tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text from pg_trigger t"
                        + " join pg_class c on c.oid = t.tgrelid where c.relnamespace = ?::regnamespace"
                        + " and not t.tgisinternal order by 1",
                schema));
        return all;
    }

    /** Per table: row count and an MD5 over every row's text form, in a stable order. */
    private Map<String, String> checksums(String schema) {
        Map<String, String> sums = new TreeMap<>();
        for (Object table : sql.column(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = ? and c.relkind = 'r'",
                schema)) {
            String qualified = "\"" + schema + "\".\"" + table + "\"";
            Object sum =
                    sql.one("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                            + " from " + qualified + " t");
            sums.put(String.valueOf(table), String.valueOf(sum));
        }
        return sums;
    }

    /** The staging schema's documented name: r_ and the first 32 hex digits of SHA-256("restore:" + slug). */
    private static String stagingSchemaOf(String slug) throws java.security.NoSuchAlgorithmException {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(("restore:" + slug).getBytes(StandardCharsets.UTF_8));
        return "r_" + java.util.HexFormat.of().formatHex(hash, 0, 16);
    }

    private static String read(ObjectStorage storage, String key) throws IOException {
        try (StoredObjectStream in = storage.get(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void putText(ObjectStorage store, String key, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, "text/plain");
    }
}
