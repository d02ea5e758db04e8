package com.makcrm.core.backup;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backups into an {@code s3://bucket/prefix} repository, of a tenant whose attachments live in S3 too. */
class S3RepositoryBackupTest extends TenantBackupsContract {

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
        return S3Stores.open(s3, url);
    }
}
