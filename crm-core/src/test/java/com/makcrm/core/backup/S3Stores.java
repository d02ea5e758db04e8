package com.makcrm.core.backup;

import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.testsupport.S3Service;
import java.util.HashMap;
import java.util.Map;

/** Stores in the test S3 service, for the backup tests that run over S3. */
final class S3Stores {

    private S3Stores() {}

    static ObjectStorage open(S3Service s3, String url) {
        return open(s3, url, Map.of());
    }

    /** As {@link #open(S3Service, String)}, with further storage options (e.g. a smaller {@code part-size}). */
    static ObjectStorage open(S3Service s3, String url, Map<String, String> more) {
        Map<String, String> options = new HashMap<>(Map.of(
                "endpoint", s3.endpoint().toString(),
                "region", s3.region(),
                "path-style", "true",
                "checksum-when-required", "true",
                "access-key", s3.accessKey(),
                "secret-key", s3.secretKey()));
        options.putAll(more);
        return ObjectStorages.fromUrl(url, options);
    }
}
