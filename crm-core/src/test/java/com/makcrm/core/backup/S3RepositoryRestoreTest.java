package com.makcrm.core.backup;

import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restores from an {@code s3://bucket/prefix} repository, of tenants whose attachments live in S3 too. */
class S3RepositoryRestoreTest extends TenantRestoreContract {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static S3Service s3;

    @BeforeAll
    static void connect() {
        s3 = TestServices.s3();
    }

    @Override
    protected TestDatabase database() {
        return db;
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
