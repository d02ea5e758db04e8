package com.makcrm.core.backup;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pruning and verification records in an {@code s3://bucket/prefix} repository. */
class S3RepositoryPruneTest extends BackupPruneContract {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static S3Service s3;

    @BeforeAll
    static void connect() {
        fixture = new TenantFixture(db);
        s3 = TestServices.s3();
    }

    @Override
    protected TestDatabase database() {
        return db;
    }

    @Override
    protected TenantFixture fixture() {
        return fixture;
    }

    @Override
    protected ObjectStorage newAppStorage() {
        return open("s3://" + s3.createBucket("crm-objects"));
    }

    @Override
    protected ObjectStorage newRepository() {
        return open("s3://" + s3.createBucket("crm-backups") + "/nightly/crm");
    }

    private static ObjectStorage open(String url) {
        return ObjectStorages.fromUrl(
                url,
                Map.of(
                        "endpoint", s3.endpoint().toString(),
                        "region", s3.region(),
                        "path-style", "true",
                        "checksum-when-required", "true",
                        "access-key", s3.accessKey(),
                        "secret-key", s3.secretKey()));
    }
}
