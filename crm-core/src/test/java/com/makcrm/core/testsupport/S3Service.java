package com.makcrm.core.testsupport;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3-compatible store for tests: MinIO, S3Proxy or whatever {@code CRM_TEST_S3_ENDPOINT} names. */
public record S3Service(URI endpoint, String region, String accessKey, String secretKey) {

    // leaves room for "-" and the random part within S3's 63 characters
    private static final Pattern BUCKET_PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    public S3Service {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /**
     * A new client; the caller closes it. Path-style because test stores have no per-bucket DNS names;
     * checksums only when required because S3Proxy and other S3-compatible stores reject the SDK's
     * default trailing checksums. The HTTP client is named so another one on a module's class path
     * cannot make the SDK's choice ambiguous.
     */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    /** Creates a bucket named {@code prefix-<random>}, so runs never share a bucket, and returns its name. */
    public String createBucket(String prefix) {
        String name = bucketName(prefix);
        try (S3Client client = newClient()) {
            client.createBucket(request -> request.bucket(name));
        }
        return name;
    }

    static String bucketName(String prefix) {
        if (!BUCKET_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "bucket prefix must be 1-50 lowercase letters, digits or '-', starting with a letter or digit: "
                            + prefix);
        }
        return prefix + "-" + RandomNames.lowercase(12);
    }

    // keeps a secret given through CRM_TEST_S3_SECRET_KEY out of test logs
    @Override
    public String toString() {
        return "S3Service[" + endpoint + ", " + region + ", " + accessKey + "]";
    }
}
