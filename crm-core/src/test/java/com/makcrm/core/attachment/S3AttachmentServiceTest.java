package com.makcrm.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.S3ObjectStorage;
import com.makcrm.core.storage.S3Settings;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

class S3AttachmentServiceTest extends AttachmentServiceContract {

    private static final int PART_SIZE = 5 * TestContent.MIB;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static S3Service s3;
    private static S3Client raw;
    private String bucket;

    @BeforeAll
    static void connect() {
        fixture = new TenantFixture(db);
        s3 = TestServices.s3();
        raw = s3.newClient();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
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
    protected ObjectStorage newStorage() {
        bucket = s3.createBucket("crm-attachments");
        return new S3ObjectStorage(S3Settings.builder(bucket)
                .endpoint(s3.endpoint())
                .region(s3.region())
                .pathStyle(true)
                .credentials(s3.accessKey(), s3.secretKey())
                .multipartThreshold(PART_SIZE)
                .partSize(PART_SIZE)
                .maxAttempts(2)
                .build());
    }

    // unfinished multipart uploads hold parts that no listing of objects shows
    @Override
    protected void assertStoreIsEmpty() {
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
        assertThat(raw.listObjectsV2(request -> request.bucket(bucket)).contents())
                .isEmpty();
    }
}
