package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One put: objects below the multipart threshold go up in a single PutObject, larger ones (or streams that turn
 * out larger) in parts. To tell them apart without knowing the length, up to the threshold is read first.
 */
final class S3Upload {

    /** User metadata (x-amz-meta-sha256) holding the content's SHA-256 in hex. */
    static final String SHA256_METADATA = "sha256";

    static final int MAX_PARTS = 10_000;

    /** The largest object CopyObject accepts. */
    static final long MAX_COPY_SIZE = 5L * 1024 * S3Settings.MIB;

    private final S3Client client;
    private final S3Settings settings;
    private final String key;
    private final String s3Key;
    private final String contentType;

    S3Upload(S3Client client, S3Settings settings, String key, String s3Key, String contentType) {
        this.client = client;
        this.settings = settings;
        this.key = key;
        this.s3Key = s3Key;
        this.contentType = contentType;
    }

    StoredObject run(InputStream content, long declaredLength) {
        requireFitsInParts(declaredLength);
        byte[] head = new ContentSource(key, content).readUpTo(settings.multipartThreshold());
        if (head.length < settings.multipartThreshold()) {
            return putWhole(head, declaredLength);
        }
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), content);
        return new MultipartUpload(client, settings, key, s3Key, contentType)
                .run(new ContentSource(key, all), declaredLength);
    }

    private StoredObject putWhole(byte[] content, long declaredLength) {
        ContentDigest digest = new ContentDigest();
        digest.update(content, 0, content.length);
        digest.requireDeclaredLength(key, declaredLength);
        StoredObject object = new StoredObject(key, content.length, digest.sha256Hex(), contentType);
        client.putObject(
                request -> request.bucket(settings.bucket())
                        .key(s3Key)
                        .contentType(contentType)
                        .contentLength((long) content.length)
                        .metadata(Map.of(SHA256_METADATA, object.sha256Hex())),
                // a provider rather than fromBytes: no copy of the buffer, and each retry gets a fresh stream
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content), content.length, contentType));
        return object;
    }

    // fail before uploading anything when the declared length cannot fit
    private void requireFitsInParts(long declaredLength) {
        long limit = (long) settings.partSize() * MAX_PARTS;
        if (declaredLength > limit) {
            throw tooLarge(key, settings, String.valueOf(declaredLength));
        }
    }

    /** @param declared the declared length in bytes, or {@code none} when the content turned out longer */
    static CrmException tooLarge(String key, S3Settings settings, String declared) {
        return CrmException.invalid(
                StorageMessages.S3_TOO_LARGE,
                Map.of(
                        "key", ObjectKeys.printable(key),
                        "declared", declared,
                        "maxParts", String.valueOf(MAX_PARTS),
                        "partSize", String.valueOf(settings.partSize())));
    }
}
