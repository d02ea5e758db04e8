package com.makcrm.core.backup;

import static com.makcrm.core.testsupport.CommandLineTools.onPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TestSql;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.S3Settings;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.PostgresServer;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster backup into an S3 repository, large enough that the pg_dump archive, whose length nobody knows in
 * advance, goes up in several multipart parts; restored from there.
 */
class ClusterBackupsS3Test {

    /** Parts of the smallest size S3 allows (the default is 8 MiB). */
    private static final Map<String, String> SMALL_PARTS = Map.of("part-size", "5MiB");

    private static final String CONTENT = "a contract kept in S3";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aMultipartDumpInS3RestoresWhole() throws IOException {
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore on the PATH");
        S3Service s3 = TestServices.s3();
        String target =
                "crm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (ObjectStorage appStorage = S3Stores.open(s3, "s3://" + s3.createBucket("crm-objects"), SMALL_PARTS);
                ObjectStorage repository =
                        S3Stores.open(s3, "s3://" + s3.createBucket("crm-backups") + "/cluster", SMALL_PARTS);
                ObjectStorage restoredObjects =
                        S3Stores.open(s3, "s3://" + s3.createBucket("crm-restored"), SMALL_PARTS)) {
            String attachmentKey = seed(appStorage);
            TestSql sql = new TestSql(db.dataSource());
            // about 12 MiB of hex: some 6 MiB compressed, more than one 5 MiB part
            sql.execute("create schema bulk; create table bulk.noise as select g as id,"
                    + " md5(random()::text) || md5(random()::text) || md5(random()::text) as v"
                    + " from generate_series(1, 130000) g");
            String noise = sql.one("select md5(string_agg(v, ',' order by id)) from bulk.noise")
                    .toString();

            BackupManifest backup = backups(appStorage).create(repository);

            assertThat(backup.dump().bytes()).isGreaterThan(S3Settings.MIN_PART_SIZE);
            assertThat(new BackupVerifier(repository, PartCodec.DEFAULT)
                            .verify(backup)
                            .problems())
                    .isEmpty();

            ClusterBackups.Restored restored =
                    backups(restoredObjects).restore(backup, repository, connectionTo(target));

            assertThat(restored.objectsCopied()).isEqualTo(1);
            try (StoredObjectStream in = restoredObjects.get(attachmentKey)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(CONTENT);
            }
            try (HikariDataSource restoredDb = pool(target)) {
                assertThat(new TestSql(restoredDb)
                                .one("select md5(string_agg(v, ',' order by id)) from bulk.noise")
                                .toString())
                        .isEqualTo(noise);
            }
        } finally {
            TestDatabase.dropQuietly(target);
        }
    }

    private static String seed(ObjectStorage appStorage) {
        CrmCore core =
                CrmCore.create(db.dataSource(), CrmCore.Settings.defaults().withStorage(appStorage));
        core.migrations().migrateControl();
        Tenant tenant = core.tenants()
                .create("s3c" + UUID.randomUUID().toString().substring(0, 8), null, "tester")
                .tenant();
        TenantScope scope = TenantScope.of(tenant, "tester");
        UUID company = core.records()
                .create(scope, ObjectKind.COMPANY, Map.of("name", "Initech"), WriteOptions.FAIL)
                .record()
                .id();
        byte[] content = CONTENT.getBytes(StandardCharsets.UTF_8);
        core.attachments()
                .upload(
                        scope,
                        ObjectKind.COMPANY,
                        company,
                        "contract.txt",
                        "text/plain",
                        content.length,
                        new ByteArrayInputStream(content));
        try (var keys = appStorage.list("")) {
            return keys.findFirst().orElseThrow().key();
        }
    }

    private static ClusterBackups backups(ObjectStorage objects) {
        return new ClusterBackups(connectionTo(db.name()), objects, PgTools.onPath());
    }

    private static PgConnection connectionTo(String database) {
        PostgresServer server = TestServices.postgres();
        return new PgConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private static HikariDataSource pool(String database) {
        PostgresServer server = TestServices.postgres();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(database));
        ds.setUsername(server.user());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(1);
        return ds;
    }
}
