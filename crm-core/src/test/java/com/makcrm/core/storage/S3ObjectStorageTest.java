package com.makcrm.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStorageTest extends ObjectStorageContract {

    private static S3Service s3;
    private static S3Client raw;
    private String bucket;

    @BeforeAll
    static void connect() {
        s3 = TestServices.s3();
        raw = s3.newClient();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Override
    protected ObjectStorage newStorage() {
        bucket = s3.createBucket("crm-storage");
        return new S3ObjectStorage(settings(bucket).prefix("crm").build());
    }

    static S3Settings.Builder settings(String bucket) {
        return S3Settings.builder(bucket)
                .endpoint(s3.endpoint())
                .region(s3.region())
                .pathStyle(true)
                .credentials(s3.accessKey(), s3.secretKey())
                .multipartThreshold(PART_SIZE)
                .partSize(PART_SIZE)
                .listPageSize(LIST_PAGE_SIZE)
                .maxAttempts(2);
    }

    @Override
    protected void assertNoLeftovers() {
        assertThat(raw.listMultipartUploads(request -> request.bucket(bucket)).uploads())
                .isEmpty();
        assertThat(raw.listObjectsV2(request -> request.bucket(bucket)).contents())
                .isEmpty();
    }

    @Test
    void uploadsLargeStreamsInPartsThatStayInvisibleUntilComplete() {
        AtomicInteger uploadsInProgress = new AtomicInteger(-1);
        Runnable look = () -> uploadsInProgress.set(raw.listMultipartUploads(request -> request.bucket(bucket))
                .uploads()
                .size());

        assertCategory(
                () -> storage.put(
                        "parts.bin",
                        new FailingInputStream(GeneratedContent.of(30L * MIB, 9), 3L * PART_SIZE, look),
                        null),
                ErrorCategory.INVALID);

        assertThat(uploadsInProgress).hasValue(1);
        assertNoLeftovers();
    }

    @Test
    void keepsKeysUnderTheConfiguredPrefix() {
        put("a/b.txt", "prefixed");

        assertThat(raw.headObject(request -> request.bucket(bucket).key("crm/a/b.txt"))
                        .contentLength())
                .isEqualTo(8);
        try (ObjectStorage neighbour =
                new S3ObjectStorage(settings(bucket).prefix("other/").build())) {
            assertThat(neighbour.exists("a/b.txt")).isFalse();
            assertThat(keys(neighbour.list(""))).isEmpty();
        }
    }

    @Test
    void describesObjectsWrittenByOtherToolsWithoutASha256() {
        raw.putObject(request -> request.bucket(bucket).key("crm/foreign.txt"), RequestBody.fromString("foreign"));
        raw.putObject(request -> request.bucket(bucket).key("crm/folder/"), RequestBody.empty());

        assertThat(storage.stat("foreign.txt"))
                .hasValueSatisfying(object -> assertThat(object.sha256Hex()).isNull());
        assertThat(keys(storage.list(""))).containsExactly("foreign.txt");
    }

    @Test
    void reportsAnUnreachableEndpointAsUnavailableNamingIt() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        S3Settings unreachable = settings(bucket).endpoint(closed).build();

        try (ObjectStorage offline = new S3ObjectStorage(unreachable)) {
            for (ThrowingCall call : new ThrowingCall[] {
                () -> offline.get("x"),
                () -> offline.stat("x"),
                () -> offline.put("x", new ByteArrayInputStream(new byte[10]), null),
                () -> keys(offline.list(""))
            }) {
                assertThatThrownBy(call::run)
                        .isInstanceOfSatisfying(
                                CrmException.class,
                                e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE))
                        .hasMessageContaining(closed.toString())
                        .hasMessageContaining(bucket);
            }
        }
    }

    @Test
    void reportsRejectedCredentialsAsForbidden() {
        S3Settings wrongSecret = settings(bucket)
                .credentials(s3.accessKey(), s3.secretKey() + "-wrong")
                .build();

        try (ObjectStorage refused = new S3ObjectStorage(wrongSecret)) {
            assertThatThrownBy(() -> refused.put("x", new ByteArrayInputStream(new byte[1]), null))
                    .isInstanceOfSatisfying(
                            CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN))
                    .hasMessageContaining(bucket)
                    .hasMessageNotContaining(s3.secretKey());
        }
    }

    @Test
    void reportsAMissingBucketAsNotFoundNamingIt() {
        try (ObjectStorage nowhere =
                new S3ObjectStorage(settings("no-such-bucket-for-crm").build())) {
            assertThatThrownBy(() -> nowhere.get("x"))
                    .isInstanceOfSatisfying(
                            CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                    .hasMessageContaining("no-such-bucket-for-crm");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
