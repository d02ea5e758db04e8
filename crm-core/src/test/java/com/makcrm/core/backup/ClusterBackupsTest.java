package com.makcrm.core.backup;

import static com.makcrm.core.testsupport.CommandLineTools.onPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.DatabaseBootstrap;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.FileSystemObjectStorage;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.PostgresServer;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster backups against real PostgreSQL and the real {@code pg_dump}/{@code pg_restore}: a database with the control
 * schema and two tenants with data and an attachment, backed up once into a file repository and restored several
 * ways.
 */
class ClusterBackupsTest {

    private static final String CONTENT = "a signed contract";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path root;

    private static final List<String> extraDatabases = new ArrayList<>();
    private static ObjectStorage appStorage;
    private static ObjectStorage repository;
    private static BackupManifest backup;
    private static Map<String, String> sourceChecksums;

    @BeforeAll
    static void backUpASeededDatabase() {
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore on the PATH");
        appStorage = new FileSystemObjectStorage(root.resolve("objects"));
        repository = ObjectStorages.fromUrl(root.resolve("repo").toUri().toString());
        CrmCore core =
                CrmCore.create(db.dataSource(), CrmCore.Settings.defaults().withStorage(appStorage));
        core.migrations().migrateControl();
        seedTenant(core, "Acme");
        seedTenant(core, "Globex");
        sourceChecksums = checksums(db.name());

        backup = clusterBackups(appStorage).create(repository);
    }

    @AfterAll
    static void dropExtraDatabases() {
        extraDatabases.forEach(TestDatabase::dropQuietly);
        if (repository != null) {
            repository.close();
            appStorage.close();
        }
    }

    @Test
    void writesAClusterManifestWithTheDumpAndEveryObject() {
        assertThat(backup.kind()).isEqualTo(BackupManifest.Kind.CLUSTER);
        assertThat(backup.tenantId()).isNull();
        assertThat(backup.tenantSlug()).isNull();
        assertThat(backup.tables()).isEmpty();
        assertThat(backup.schemaVersion()).isNotBlank();
        ClusterDump dump = backup.dump();
        assertThat(dump.key()).isEqualTo("backups/" + backup.backupId() + "/cluster.dump");
        assertThat(dump.bytes()).isPositive();
        assertThat(dump.database()).isEqualTo(db.name());
        assertThat(dump.serverVersion()).matches("\\d+.*");
        assertThat(dump.pgDumpVersion()).matches("\\d+.*");
        assertThat(backup.objects()).hasSize(2).allSatisfy(o -> {
            assertThat(o.key()).startsWith("tenants/").contains("/attachments/");
            assertThat(o.size()).isEqualTo(CONTENT.length());
        });
        assertThat(repository.stat(dump.key()).orElseThrow().sha256Hex()).isEqualTo(dump.sha256());
        TenantBackups backups = new TenantBackups(db.dataSource(), appStorage);
        assertThat(backups.list(repository)).contains(backup);
        assertThat(backups.manifest(repository, backup.backupId())).isEqualTo(backup);
    }

    @Test
    void readsTheManifestFromTheRepositoryAloneForARestore() {
        ClusterBackups backups = clusterBackups(appStorage);

        assertThat(backups.manifest(repository, backup.backupId())).isEqualTo(backup);
        assertThatThrownBy(() -> backups.manifest(repository, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                .hasMessageContaining("no manifest");
    }

    @Test
    void plainPgRestoreRestoresTheDumpIntoAnEmptyDatabase() throws Exception {
        Path dumpFile = root.resolve("fetched-" + UUID.randomUUID() + ".dump");
        try (StoredObjectStream in = repository.get(backup.dump().key())) {
            Files.copy(in, dumpFile, StandardCopyOption.REPLACE_EXISTING);
        }
        String target = newEmptyDatabase();

        ProcessBuilder pgRestore = new ProcessBuilder(
                        "pg_restore", "--no-owner", "--exit-on-error", "-d", target, dumpFile.toString())
                .redirectErrorStream(true);
        pgRestore.environment().putAll(libpqEnvironment());
        Process p = pgRestore.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(checksums(target)).isEqualTo(sourceChecksums);
    }

    @Test
    void restoreBringsBackTheDatabaseAndTheObjects() throws IOException {
        String target = newDatabaseName();
        ObjectStorage targetObjects = new FileSystemObjectStorage(root.resolve("restored-" + target));

        ClusterBackups.Restored restored =
                clusterBackups(targetObjects).restore(backup, repository, connectionTo(target));

        assertThat(checksums(target)).isEqualTo(sourceChecksums);
        assertThat(restored.objectsCopied()).isEqualTo(2);
        for (BackupManifest.ObjectEntry o : backup.objects()) {
            try (StoredObjectStream in = targetObjects.get(o.key())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(CONTENT);
            }
        }
    }

    @Test
    void refusesToRestoreIntoADatabaseThatIsNotEmptyAndChangesNothing() throws SQLException {
        String target = newEmptyDatabase();
        execute(target, "create table keep (id int); insert into keep values (42)");
        Map<String, String> before = checksums(target);
        ObjectStorage targetObjects = new FileSystemObjectStorage(root.resolve("untouched-" + target));

        assertThatThrownBy(() -> clusterBackups(targetObjects).restore(backup, repository, connectionTo(target)))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID))
                .hasMessageContaining("is not empty")
                .hasMessageContaining("table public.keep");

        assertThat(checksums(target)).isEqualTo(before);
        try (Stream<?> objects = targetObjects.list("")) {
            assertThat(objects).isEmpty();
        }
    }

    @Test
    void aDamagedDumpIsNamedAndRestoresNothing() throws IOException {
        Path repoCopy = root.resolve("damaged-repo-" + UUID.randomUUID());
        ObjectStorage damaged = ObjectStorages.fromUrl(repoCopy.toUri().toString());
        byte[] dump;
        try (StoredObjectStream in = repository.get(backup.dump().key())) {
            dump = in.readAllBytes();
        }
        dump[dump.length - 10] ^= 0x01; // late in the archive: pg_restore would have committed everything before it
        damaged.put(backup.dump().key(), new ByteArrayInputStream(dump), dump.length, null);
        String target = newDatabaseName();

        assertThat(new BackupVerifier(damaged, PartCodec.DEFAULT).verify(backup).problems())
                .anySatisfy(p -> assertThat(p.part()).isEqualTo("cluster.dump"));
        assertThatThrownBy(() -> clusterBackups(appStorage).restore(backup, damaged, connectionTo(target)))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.DAMAGED))
                .hasMessageContaining("cluster.dump");
        assertThat(checksums(target)).isEmpty();
    }

    @Test
    void verifyChecksTheDumpOfAnIntactClusterBackup() {
        VerifyReport report = new TenantBackups(db.dataSource(), appStorage).verify(repository, backup.backupId());

        assertThat(report.problems()).isEmpty();
        assertThat(report.partsChecked()).isEqualTo(2); // the dump and one distinct object
        assertThat(report.bytesChecked()).isEqualTo(backup.dump().bytes() + CONTENT.length());
    }

    @Test
    void aSecondClusterBackupOfTheSameDatabaseIsRefusedWhileOneRuns() {
        ObjectStorage repo = ObjectStorages.fromUrl(
                root.resolve("locked-" + UUID.randomUUID()).toUri().toString());

        try (AdvisoryLock running = BackupLock.acquireCluster(connectionTo(db.name()))) {
            assertThatThrownBy(() -> clusterBackups(appStorage).create(repo))
                    .isInstanceOfSatisfying(
                            CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT))
                    .hasMessageContaining("a cluster backup of")
                    .hasMessageContaining("is already running");
        }
        assertThat(keysOf(repo)).isEmpty();
    }

    @Test
    void aMissingPgDumpIsAToolFailureThatWritesNothing() {
        ObjectStorage repo = ObjectStorages.fromUrl(
                root.resolve("no-tool-" + UUID.randomUUID()).toUri().toString());
        ClusterBackups backups =
                new ClusterBackups(connectionTo(db.name()), appStorage, new PgTools(root.resolve("no-such-bin")));

        assertThatThrownBy(() -> backups.create(repo))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.TOOL))
                .hasMessageContaining("pg_dump not found in CRM_PG_BIN=");
        assertThat(keysOf(repo)).isEmpty();
    }

    @Test
    void anUnreachableDatabaseFailsClearlyAndWritesNothing() {
        ObjectStorage repo = ObjectStorages.fromUrl(
                root.resolve("no-db-" + UUID.randomUUID()).toUri().toString());
        ClusterBackups backups = new ClusterBackups(
                new PgConnection("jdbc:postgresql://127.0.0.1:1/nothing", "postgres", null),
                appStorage,
                PgTools.onPath());

        assertThatThrownBy(() -> backups.create(repo))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE))
                .hasMessageContaining("127.0.0.1:1");
        assertThat(keysOf(repo)).isEmpty();
    }

    @Test
    void aPgDumpFailingHalfwayLeavesNoBackupAndShowsItsError() throws IOException {
        Path bin = Files.createDirectories(root.resolve("fake-bin-" + UUID.randomUUID()));
        Path fake = bin.resolve("pg_dump");
        Files.writeString(
                fake,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) 99.1'; exit 0; fi\n"
                        + "printf 'PGDMP partial archive'\n"
                        + "echo 'pg_dump: error: simulated failure on table x' >&2\n"
                        + "exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        ObjectStorage repo = ObjectStorages.fromUrl(
                root.resolve("half-" + UUID.randomUUID()).toUri().toString());

        assertThatThrownBy(() -> new ClusterBackups(connectionTo(db.name()), appStorage, new PgTools(bin)).create(repo))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE))
                .hasMessageContaining("failed with exit code 1")
                .hasMessageContaining("simulated failure on table x");
        assertThat(keysOf(repo)).noneMatch(k -> k.startsWith("backups/"));
        assertThat(new TenantBackups(db.dataSource(), appStorage).list(repo)).isEmpty();
    }

    @Test
    void aTenantBackupIsNotRestoredAsACluster() {
        BackupManifest tenantManifest = new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                UUID.randomUUID(),
                BackupManifest.Kind.TENANT,
                UUID.randomUUID(),
                "acme",
                "1",
                backup.started(),
                backup.finished(),
                "dev",
                List.of(),
                List.of(),
                null,
                null);

        assertThatThrownBy(() -> clusterBackups(appStorage).restore(tenantManifest, repository, connectionTo("x")))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID))
                .hasMessageContaining("not a cluster backup");
    }

    @Test
    void readsManifestsWrittenBeforeClusterBackupsExisted() throws IOException {
        String json;
        try (InputStream in = ManifestJson.write(backup)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String old =
                json.replaceAll("(?s),\\s*\"dump\"\\s*:\\s*\\{[^}]*\\}", "").replace("CLUSTER", "TENANT");
        assertThat(old).doesNotContain("\"dump\"");

        BackupManifest read = ManifestJson.read(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)), "k");

        assertThat(read.dump()).isNull();
        assertThat(read.objects()).isEqualTo(backup.objects());
    }

    private static void seedTenant(CrmCore core, String company) {
        String slug = "c" + randomLowercase(12);
        Tenant tenant = core.tenants().create(slug, null, "tester").tenant();
        TenantScope scope = TenantScope.of(tenant, "tester");
        UUID id = core.records()
                .create(scope, ObjectKind.COMPANY, Map.of("name", company), WriteOptions.FAIL)
                .record()
                .id();
        core.records()
                .create(scope, ObjectKind.PERSON, Map.of("firstName", "Ada", "lastName", company), WriteOptions.FAIL);
        byte[] content = CONTENT.getBytes(StandardCharsets.UTF_8);
        core.attachments()
                .upload(
                        scope,
                        ObjectKind.COMPANY,
                        id,
                        "contract.txt",
                        "text/plain",
                        content.length,
                        new ByteArrayInputStream(content));
    }

    private static ClusterBackups clusterBackups(ObjectStorage objects) {
        return new ClusterBackups(connectionTo(db.name()), objects, PgTools.onPath());
    }

    private static PgConnection connectionTo(String database) {
        PostgresServer server = TestServices.postgres();
        return new PgConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private static String newDatabaseName() {
        String name = "crm_test_" + randomLowercase(16);
        extraDatabases.add(name);
        return name;
    }

    private static String newEmptyDatabase() {
        String name = newDatabaseName();
        PgConnection c = connectionTo(name);
        DatabaseBootstrap.ensureDatabaseExists(c.jdbcUrl(), c.user(), c.password());
        return name;
    }

    private static Map<String, String> libpqEnvironment() {
        Map<String, String> env = connectionTo("postgres").libpqEnvironment();
        env.remove("PGDATABASE");
        return env;
    }

    /** Row count and an MD5 of all rows of every table outside the system schemas, by schema-qualified name. */
    private static Map<String, String> checksums(String database) {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')"
                    + " and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, ','"
                        + " order by t::text)), '') from " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return sums; // no such database: nothing in it
            }
            throw new IllegalStateException(e);
        }
        return sums;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        PostgresServer server = TestServices.postgres();
        Properties props = new Properties();
        props.setProperty("user", server.user());
        if (!server.password().isEmpty()) {
            props.setProperty("password", server.password());
        }
        return DriverManager.getConnection(server.jdbcUrl(database), props);
    }

    private static List<String> keysOf(ObjectStorage storage) {
        try (Stream<com.makcrm.core.storage.ObjectSummary> keys = storage.list("")) {
            return keys.map(com.makcrm.core.storage.ObjectSummary::key).toList();
        }
    }

    private static String randomLowercase(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }
}
