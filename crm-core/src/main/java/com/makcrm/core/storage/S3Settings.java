package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.net.URI;
import java.util.Map;

/**
 * How to reach a bucket and how to upload to it.
 *
 * @param endpoint an S3-compatible store (MinIO, S3Proxy, Ceph…), or null for AWS S3
 * @param region the signing region; null means the SDK's default lookup for AWS and {@value #DEFAULT_REGION} for an
 *     endpoint
 * @param prefix prepended to every key, "" or ending with '/'; lets several stores share one bucket
 * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint}; most
 *     S3-compatible stores need it
 * @param accessKey with {@code secretKey}, static credentials; both null means the AWS default credentials chain
 * @param checksumWhenRequired send and check checksums only where S3 requires them: S3Proxy and several
 *     S3-compatible stores reject the trailing checksums the SDK adds by default
 * @param multipartThreshold objects at least this large, or of unknown length beyond it, go up in parts; this much
 *     is buffered in memory to decide
 * @param partSize bytes per part, buffered in memory one part at a time; S3 allows 5 MiB to 5 GiB and 10,000 parts
 * @param maxAttempts tries per request, including the first, for transient failures (5xx, throttling, I/O)
 * @param listPageSize keys per listing request, at most 1000
 */
public record S3Settings(
        URI endpoint,
        String region,
        String bucket,
        String prefix,
        boolean pathStyle,
        String accessKey,
        String secretKey,
        boolean checksumWhenRequired,
        int multipartThreshold,
        int partSize,
        int maxAttempts,
        int listPageSize) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final int MIB = 1024 * 1024;
    public static final int MIN_PART_SIZE = 5 * MIB;
    public static final int DEFAULT_MULTIPART_THRESHOLD = 16 * MIB;
    public static final int DEFAULT_PART_SIZE = 8 * MIB;
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final int MAX_LIST_PAGE_SIZE = 1000;

    public S3Settings {
        prefix = normalizedPrefix(prefix);
        requireBucket(bucket);
        if ((accessKey == null) != (secretKey == null)) {
            throw CrmException.invalid(StorageMessages.S3_KEYS_TOGETHER, Map.of());
        }
        requireAtLeast("multipartThreshold", multipartThreshold, 1);
        requireAtLeast("partSize", partSize, MIN_PART_SIZE);
        requireAtLeast("maxAttempts", maxAttempts, 1);
        requireAtLeast("listPageSize", listPageSize, 1);
        if (listPageSize > MAX_LIST_PAGE_SIZE) {
            throw CrmException.invalid(
                    StorageMessages.S3_LIST_PAGE_SIZE,
                    Map.of("max", String.valueOf(MAX_LIST_PAGE_SIZE), "value", String.valueOf(listPageSize)));
        }
    }

    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    public Builder toBuilder() {
        return new Builder(bucket)
                .endpoint(endpoint)
                .region(region)
                .prefix(prefix)
                .pathStyle(pathStyle)
                .credentials(accessKey, secretKey)
                .checksumWhenRequired(checksumWhenRequired)
                .multipartThreshold(multipartThreshold)
                .partSize(partSize)
                .maxAttempts(maxAttempts)
                .listPageSize(listPageSize);
    }

    /** Where requests go, for messages: the endpoint, or AWS S3 in the region. */
    public String describeEndpoint() {
        return endpoint != null ? endpoint.toString() : "AWS S3 (region " + (region == null ? "default" : region) + ")";
    }

    // the secret must never reach a log line or an error message
    @Override
    public String toString() {
        return "S3Settings[" + describeEndpoint() + ", bucket " + bucket + ", prefix '" + prefix + "', pathStyle "
                + pathStyle + ", accessKey " + accessKey + ", checksumWhenRequired " + checksumWhenRequired
                + ", multipartThreshold " + multipartThreshold + ", partSize " + partSize + ", maxAttempts "
                + maxAttempts + ", listPageSize " + listPageSize + "]";
    }

    private static String normalizedPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String withSlash = prefix.endsWith("/") ? prefix : prefix + "/";
        ObjectKeys.requireValidPrefix(withSlash);
        return withSlash;
    }

    private static void requireBucket(String bucket) {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw CrmException.invalid(StorageMessages.S3_BUCKET_NAME, Map.of("bucket", String.valueOf(bucket)));
        }
    }

    /** @param what a keyword of {@link StorageMessages#S3_AT_LEAST} */
    private static void requireAtLeast(String what, int value, int minimum) {
        if (value < minimum) {
            throw CrmException.invalid(
                    StorageMessages.S3_AT_LEAST,
                    Map.of("what", what, "minimum", String.valueOf(minimum), "value", String.valueOf(value)));
        }
    }

    /** Settings with the defaults above, changed one at a time. */
    public static final class Builder {
        private final String bucket;
        private URI endpoint;
        private String region;
        private String prefix = "";
        private boolean pathStyle;
        private String accessKey;
        private String secretKey;
        private boolean checksumWhenRequired = true;
        private int multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private int partSize = DEFAULT_PART_SIZE;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private int listPageSize = MAX_LIST_PAGE_SIZE;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        public Builder checksumWhenRequired(boolean checksumWhenRequired) {
            this.checksumWhenRequired = checksumWhenRequired;
            return this;
        }

        public Builder multipartThreshold(int bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        public Builder partSize(int bytes) {
            this.partSize = bytes;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder listPageSize(int listPageSize) {
            this.listPageSize = listPageSize;
            return this;
        }

        public S3Settings build() {
            return new S3Settings(
                    endpoint,
                    region,
                    bucket,
                    prefix,
                    pathStyle,
                    accessKey,
                    secretKey,
                    checksumWhenRequired,
                    multipartThreshold,
                    partSize,
                    maxAttempts,
                    listPageSize);
        }
    }
}
