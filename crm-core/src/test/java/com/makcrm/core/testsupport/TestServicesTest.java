package com.makcrm.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class TestServicesTest {

    @Test
    void describeNamesWhereEachServiceComesFrom() {
        assertThat(TestServices.describe()).matches("test services: postgres from .+, redis from .+, s3 from .+");
    }

    @Test
    void resolvesTheSameServicesOnEveryCall() {
        assertThat(TestServices.postgres()).isSameAs(TestServices.postgres());
        assertThat(TestServices.s3()).isSameAs(TestServices.s3());
    }

    @Test
    void s3RoundTripsAnObjectThroughANewClient() {
        S3Service s3 = TestServices.s3();
        String bucket = s3.createBucket("crm-test");
        byte[] content = "bonjour, привет".getBytes(StandardCharsets.UTF_8);

        try (S3Client client = s3.newClient()) {
            client.putObject(request -> request.bucket(bucket).key("dir/greeting.txt"), RequestBody.fromBytes(content));

            assertThat(client.getObjectAsBytes(request -> request.bucket(bucket).key("dir/greeting.txt"))
                            .asByteArray())
                    .isEqualTo(content);
        }
    }

    @Test
    void createBucketMakesADistinctBucketEachCall() {
        S3Service s3 = TestServices.s3();
        String first = s3.createBucket("crm-test");
        String second = s3.createBucket("crm-test");

        assertThat(first).isNotEqualTo(second).matches("crm-test-[a-z]{12}");
        try (S3Client client = s3.newClient()) {
            assertThat(client.listBuckets().buckets()).extracting("name").contains(first, second);
        }
    }

    @Test
    void createBucketRejectsAPrefixThatCannotStartABucketName() {
        assertThatThrownBy(() -> S3Service.bucketName("Has_Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Service.bucketName("-dash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void s3ServiceKeepsTheSecretOutOfItsDescription() {
        assertThat(TestServices.s3().toString())
                .doesNotContain(TestServices.s3().secretKey());
    }
}
