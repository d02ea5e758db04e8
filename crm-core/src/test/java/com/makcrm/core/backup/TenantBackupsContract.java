package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.attachment.Attachment;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What tenant backups must do over every kind of repository, against a real tenant schema and object store. */
abstract class TenantBackupsContract {

    private static final String CONTRACT = "the same bytes in two attachments";

    private ObjectStorage appStorage;
    CountingStorage repository;
    private CrmCore core;
    TenantBackups backups;
    private TestSql sql;
    private TenantScope scope;

    protected abstract TestDatabase database();

    protected abstract TenantFixture fixture();

    /** A fresh, empty store for the application's objects (attachments). */
    protected abstract ObjectStorage newAppStorage() throws Exception;

    /** A fresh, empty backup repository. */
    protected abstract ObjectStorage newRepository() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        appStorage = newAppStorage();
        repository = new CountingStorage(newRepository());
        core = CrmCore.create(
                database().dataSource(), CrmCore.Settings.defaults().withStorage(appStorage));
        backups = new TenantBackups(database().dataSource(), appStorage);
        sql = new TestSql(database().dataSource());
        scope = fixture().newTenant();
        seed();
    }

    @AfterEach
    void closeStores() {
        repository.close();
        appStorage.close();
    }

    // records of every object type, and two attachments with the same content
    private void seed() {
        UUID company = create(ObjectKind.COMPANY, Map.of("name", "Acme"));
        create(ObjectKind.PERSON, Map.of("firstName", "Ada", "lastName", "Lovelace"));
        create(ObjectKind.OPPORTUNITY, Map.of("name", "Acme expansion"));
        create(ObjectKind.TASK, Map.of("title", "Call Ada"));
        create(ObjectKind.NOTE, Map.of());
        attach(company, "contract.txt");
        attach(company, "contract-copy.txt");
    }

    @Test
    void writesAManifestWithTheRowCountOfEveryTableOfTheSchema() {
        Tenant tenant = tenant();

        BackupManifest manifest = backups.create(tenant, repository);

        assertThat(manifest.kind()).isEqualTo(BackupManifest.Kind.TENANT);
        assertThat(manifest.tenantId()).isEqualTo(tenant.id());
        assertThat(manifest.tenantSlug()).isEqualTo(tenant.slug());
        assertThat(manifest.schemaVersion()).isEqualTo(tenant.schemaVersion()).isNotNull();
        assertThat(manifest.toolVersion()).isNotBlank();
        assertThat(manifest.finished()).isAfterOrEqualTo(manifest.started());
        assertThat(manifest.tables())
                .extracting(TablePart::name)
                .containsExactlyInAnyOrderElementsOf(tablesOfSchema())
                .contains("flyway_schema_history", "company", "person", "opportunity", "task", "note", "attachment");
        for (TablePart table : manifest.tables()) {
            assertThat(table.rows()).as(table.name()).isEqualTo(countOf(table.name()));
            assertThat(table.compressedBytes()).as(table.name()).isPositive();
        }
        assertThat(rowsOf(manifest, "company")).isEqualTo(1);
        assertThat(manifest.objects()).hasSize(2).allSatisfy(object -> {
            assertThat(object.key()).startsWith("attachments/");
            assertThat(object.sha256()).isEqualTo(sha256Of(CONTRACT));
            assertThat(object.size()).isEqualTo(CONTRACT.length());
        });
        assertThat(repository.exists("backups/" + manifest.backupId() + "/manifest.json"))
                .isTrue();
        assertThat(repository.exists("backups/" + manifest.backupId() + "/tables/company.copy.zst"))
                .isTrue();
        assertThat(backups.list(repository)).containsExactly(manifest);
    }

    @Test
    void storesTheManifestAsReadableJson() throws IOException {
        BackupManifest manifest = backups.create(tenant(), repository);

        String json = new String(read("backups/" + manifest.backupId() + "/manifest.json"), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"formatVersion\" : 1")
                .contains("\"kind\" : \"TENANT\"")
                .contains("\"tenantSlug\" : \"" + manifest.tenantSlug() + "\"")
                .contains("\"started\" : \"" + manifest.started() + "\"")
                .contains("\"dataSha256\"");
    }

    @Test
    void verifiesAnIntactBackup() {
        BackupManifest manifest = backups.create(tenant(), repository);

        VerifyReport report = backups.verify(repository, manifest.backupId());

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.partsChecked()).isEqualTo(manifest.tables().size() + 1); // one distinct object
    }

    @Test
    void verifyNamesTheTableWhosePartHasAFlippedByte() throws IOException {
        BackupManifest manifest = backups.create(tenant(), repository);
        String key = "backups/" + manifest.backupId() + "/tables/company.copy.zst";
        byte[] part = read(key);
        part[part.length / 2] ^= 0x01;
        repository.put(key, new ByteArrayInputStream(part), part.length, null);

        VerifyReport report = backups.verify(repository, manifest.backupId());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.part()).isEqualTo("company");
            assertThat(problem.key()).isEqualTo(key);
        });
    }

    @Test
    void verifyNamesATruncatedPartAndAMissingObject() throws IOException {
        BackupManifest manifest = backups.create(tenant(), repository);
        String key = "backups/" + manifest.backupId() + "/tables/person.copy.zst";
        byte[] part = read(key);
        repository.put(key, new ByteArrayInputStream(Arrays.copyOf(part, part.length - 3)), part.length - 3, null);
        String object = "objects/sha256/" + sha256Of(CONTRACT).substring(0, 2) + "/" + sha256Of(CONTRACT);
        repository.delete(object);

        VerifyReport report = backups.verify(repository, manifest.backupId());

        assertThat(report.problems()).extracting(VerifyReport.Problem::key).containsExactly(key, object);
        assertThat(report.problems().get(0).part()).isEqualTo("person");
    }

    @Test
    void aBackupWithoutManifestDoesNotExist() {
        BackupManifest kept = backups.create(tenant(), repository);
        BackupManifest broken = backups.create(tenant(), repository);
        repository.delete("backups/" + broken.backupId() + "/manifest.json");

        assertThat(backups.list(repository)).containsExactly(kept);
        assertThatThrownBy(() -> backups.verify(repository, broken.backupId()))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                .hasMessageContaining(broken.backupId().toString())
                .hasMessageContaining("no manifest");
    }

    @Test
    void uploadsEachObjectOnceAcrossBackups() {
        BackupManifest first = backups.create(tenant(), repository);
        assertThat(repository.putsUnder("objects/")).hasSize(1); // two attachments, one content
        repository.forget();

        BackupManifest second = backups.create(tenant(), repository);

        assertThat(repository.putsUnder("objects/")).isEmpty();
        assertThat(repository.putsUnder("backups/" + second.backupId() + "/")).isNotEmpty();
        assertThat(second.objects()).isEqualTo(first.objects());
        assertThat(backups.verify(repository, second.backupId()).ok()).isTrue();
    }

    @Test
    void readsAllTablesInOneSnapshotWhileWritesContinue() {
        Map<String, Long> before = new LinkedHashMap<>();
        tablesOfSchema().forEach(table -> before.put(table, countOf(table)));
        // after each table: a new company (with its timeline event) and a task, committed on other connections
        BackupListener writer = new BackupListener() {
            @Override
            public void tableStored(TablePart part) {
                create(ObjectKind.COMPANY, Map.of("name", "Written during " + part.name()));
                create(ObjectKind.TASK, Map.of("title", "Written during " + part.name()));
            }
        };

        BackupManifest manifest = backups.create(tenant(), repository, writer);

        Map<String, Long> inBackup =
                manifest.tables().stream().collect(Collectors.toMap(TablePart::name, TablePart::rows));
        assertThat(inBackup).isEqualTo(before);
        assertThat(countOf("company"))
                .isEqualTo(before.get("company") + manifest.tables().size());
        assertThat(backups.verify(repository, manifest.backupId()).ok()).isTrue();
    }

    @Test
    void refusesASecondBackupOfTheSameTenantWhileOneIsRunning() throws Exception {
        Tenant tenant = tenant();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackupListener pausing = new BackupListener() {
            @Override
            public void tableStored(TablePart part) {
                inside.countDown();
                await(release);
            }
        };
        CompletableFuture<BackupManifest> running =
                CompletableFuture.supplyAsync(() -> backups.create(tenant, repository, pausing));
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> backups.create(tenant, repository))
                    .isInstanceOfSatisfying(
                            CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT))
                    .hasMessageContaining("a backup of tenant '" + tenant.slug() + "' is already running");
            Tenant other = core.tenants().getById(fixture().newTenant().tenantId());
            assertThat(backups.create(other, repository).tenantId()).isEqualTo(other.id());
        } finally {
            release.countDown();
        }
        BackupManifest first = running.get(60, TimeUnit.SECONDS);
        assertThat(backups.list(repository))
                .filteredOn(m -> m.tenantId().equals(tenant.id()))
                .containsExactly(first);
        assertThat(backups.create(tenant, repository).tenantId()).isEqualTo(tenant.id()); // lock released
    }

    @Test
    void encryptedBackupRecordsTheKeyIdAndVerifiesWithItsKey() {
        BackupKey key = BackupKey.generate();
        TenantBackups encrypted = backups.withEncryption(key);

        BackupManifest manifest = encrypted.create(tenant(), repository);

        assertThat(manifest.encryption()).isEqualTo(new BackupManifest.Encryption("AES256_GCM_HKDF_1MB", key.id()));
        assertThat(repository.putsUnder("objects/")).singleElement().asString().startsWith("objects/" + key.id() + "/");
        assertThat(backups.manifest(repository, manifest.backupId())).isEqualTo(manifest);
        VerifyReport report = encrypted.verify(repository, manifest.backupId());
        assertThat(report.problems()).isEmpty();
        assertThat(report.partsChecked()).isEqualTo(manifest.tables().size() + 1);
        assertThat(rowsOf(manifest, "company")).isEqualTo(1);
    }

    @Test
    void encryptedBackupStoresNeitherPlaintextNorZstd() throws IOException {
        String marker = "Marker-" + UUID.randomUUID();
        create(ObjectKind.COMPANY, Map.of("name", marker));
        BackupManifest manifest = backups.withEncryption(BackupKey.generate()).create(tenant(), repository);

        List<String> stored = repository.putsUnder("");

        assertThat(stored).hasSizeGreaterThan(manifest.tables().size());
        for (String key : stored) {
            byte[] bytes = read(key);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).as(key).doesNotContain(marker).doesNotContain(CONTRACT);
            if (!key.endsWith("manifest.json")) {
                assertThat(Arrays.copyOf(bytes, 4))
                        .as(key)
                        .isNotEqualTo(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
            }
        }
    }

    @Test
    void verifyWithAnotherKeyFailsNamingBothKeyIdsAndChangesNothing() throws IOException {
        BackupKey written = BackupKey.generate();
        BackupKey other = BackupKey.generate();
        BackupManifest manifest = backups.withEncryption(written).create(tenant(), repository);
        Map<String, Long> before = listing();
        repository.forget();

        assertThatThrownBy(() -> backups.withEncryption(other).verify(repository, manifest.backupId()))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY))
                .hasMessageContaining(manifest.backupId().toString())
                .hasMessageContaining("was encrypted with key id " + written.id())
                .hasMessageContaining("the key given has id " + other.id());

        assertThat(repository.putsUnder("")).isEmpty();
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void verifyWithoutAKeyFailsSayingWhichKeyIsNeeded() {
        BackupKey key = BackupKey.generate();
        BackupManifest manifest = backups.withEncryption(key).create(tenant(), repository);

        assertThatThrownBy(() -> backups.verify(repository, manifest.backupId()))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY))
                .hasMessageContaining("is encrypted with key id " + key.id())
                .hasMessageContaining("--encryption-key-file");
        assertThatThrownBy(() -> backups.codecFor(manifest)).isInstanceOf(BackupFailure.class);
    }

    @Test
    void verifyNamesATamperedOrSwappedEncryptedPart() throws IOException {
        TenantBackups encrypted = backups.withEncryption(BackupKey.generate());
        BackupManifest manifest = encrypted.create(tenant(), repository);
        String company = part(manifest, "company");
        byte[] bytes = read(company);
        bytes[bytes.length / 2] ^= 0x01;
        repository.put(company, new ByteArrayInputStream(bytes), bytes.length, null);
        String person = part(manifest, "person");
        byte[] task = read(part(manifest, "task"));
        repository.put(person, new ByteArrayInputStream(task), task.length, null);

        VerifyReport report = encrypted.verify(repository, manifest.backupId());

        assertThat(report.problems())
                .extracting(VerifyReport.Problem::part, VerifyReport.Problem::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("company", company),
                        org.assertj.core.groups.Tuple.tuple("person", person));
        assertThat(report.problems())
                .filteredOn(p -> p.part().equals("company"))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("does not decrypt and decompress"));
    }

    @Test
    void verifyNamesATruncatedEncryptedObject() throws IOException {
        BackupKey key = BackupKey.generate();
        TenantBackups encrypted = backups.withEncryption(key);
        BackupManifest manifest = encrypted.create(tenant(), repository);
        String object = repository.putsUnder("objects/").get(0);
        byte[] bytes = read(object);
        repository.put(
                object, new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 1)), bytes.length - 1, null);

        VerifyReport report = encrypted.verify(repository, manifest.backupId());

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(object);
            assertThat(p.part()).startsWith("attachments/");
        });
    }

    @Test
    void uploadsEachEncryptedObjectOnceAcrossBackups() {
        BackupKey key = BackupKey.generate();
        BackupManifest plain = backups.create(tenant(), repository);
        repository.forget();

        BackupManifest first = backups.withEncryption(key).create(tenant(), repository);
        assertThat(repository.putsUnder("objects/")).hasSize(1); // plain copy there already: not reused
        repository.forget();
        BackupManifest second = backups.withEncryption(key).create(tenant(), repository);

        assertThat(repository.putsUnder("objects/")).isEmpty();
        assertThat(second.objects()).isEqualTo(first.objects()).isEqualTo(plain.objects());
        assertThat(backups.withEncryption(key)
                        .verify(repository, second.backupId())
                        .ok())
                .isTrue();
        assertThat(backups.verify(repository, plain.backupId()).ok()).isTrue();
    }

    @Test
    void aPlainBackupVerifiesWithOrWithoutAKey() {
        BackupManifest manifest = backups.create(tenant(), repository);

        assertThat(manifest.encryption()).isNull();
        assertThat(backups.verify(repository, manifest.backupId()).ok()).isTrue();
        assertThat(backups.withEncryption(BackupKey.generate())
                        .verify(repository, manifest.backupId())
                        .ok())
                .isTrue();
    }

    private static String part(BackupManifest manifest, String table) {
        return "backups/" + manifest.backupId() + "/tables/" + table + ".copy.zst";
    }

    /** Every key in the repository with its size. */
    private Map<String, Long> listing() {
        try (var keys = repository.list("")) {
            return keys.collect(Collectors.toMap(
                    com.makcrm.core.storage.ObjectSummary::key, com.makcrm.core.storage.ObjectSummary::size));
        }
    }

    Tenant tenant() {
        return core.tenants().getById(scope.tenantId());
    }

    private UUID create(ObjectKind kind, Map<String, Object> input) {
        return core.records()
                .create(scope, kind, input, WriteOptions.FAIL)
                .record()
                .id();
    }

    private Attachment attach(UUID company, String name) {
        byte[] content = CONTRACT.getBytes(StandardCharsets.UTF_8);
        return core.attachments()
                .upload(
                        scope,
                        ObjectKind.COMPANY,
                        company,
                        name,
                        "text/plain",
                        content.length,
                        new ByteArrayInputStream(content));
    }

    private List<String> tablesOfSchema() {
        return sql
                .column(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = ? and c.relkind in ('r', 'p')",
                        scope.schema())
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private long countOf(String table) {
        return sql.count("select count(*) from \"" + scope.schema() + "\".\"" + table + "\"");
    }

    private static long rowsOf(BackupManifest manifest, String table) {
        return manifest.tables().stream()
                .filter(t -> t.name().equals(table))
                .findFirst()
                .orElseThrow()
                .rows();
    }

    private byte[] read(String key) throws IOException {
        try (StoredObjectStream in = repository.get(key)) {
            return in.readAllBytes();
        }
    }

    private static String sha256Of(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
