package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TenantFixture;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** A backup that breaks off half-way (here: the repository's disk fills up) must never look complete. */
class InterruptedBackupTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static S3Service s3;

    private String bucket;
    private CountingStorage repository;
    private ObjectStorage appStorage;

    @BeforeAll
    static void connect() {
        fixture = new TenantFixture(db);
        s3 = TestServices.s3();
    }

    @BeforeEach
    void openStores() {
        bucket = s3.createBucket("crm-backups");
        repository = new CountingStorage(S3Stores.open(s3, "s3://" + bucket + "/crm"));
        appStorage = S3Stores.open(s3, "s3://" + s3.createBucket("crm-objects"));
    }

    @AfterEach
    void closeStores() {
        repository.close();
        appStorage.close();
    }

    @Test
    void aBackupThatBreaksOffLeavesNoBackupNoPartsAndNoUnfinishedUpload() {
        CrmCore core = fixture.core();
        Tenant tenant = core.tenants().getById(fixture.newTenant().tenantId());
        TenantBackups backups = new TenantBackups(db.dataSource(), appStorage);
        repository.breakPutsEndingWith("/tables/person.copy.zst");

        assertThatThrownBy(() -> backups.create(tenant, repository))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("person");

        assertThat(backups.list(repository)).isEmpty();
        try (Stream<ObjectSummary> left = repository.list("backups/")) {
            assertThat(left.map(ObjectSummary::key).toList()).isEmpty();
        }
        try (S3Client raw = s3.newClient()) {
            assertThat(raw.listMultipartUploads(r -> r.bucket(bucket)).uploads())
                    .isEmpty();
        }
        List<String> tried = repository.putsUnder("backups/");
        assertThat(tried).anySatisfy(key -> assertThat(key).endsWith("/tables/person.copy.zst"));

        repository.breakPutsEndingWith("never");
        BackupManifest next = backups.create(tenant, repository);
        assertThat(backups.list(repository)).containsExactly(next);
        assertThat(backups.verify(repository, next.backupId()).ok()).isTrue();
    }
}
