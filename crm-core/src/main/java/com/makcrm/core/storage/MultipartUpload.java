package com.makcrm.core.storage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * A large object uploaded in parts, one part buffered at a time. Parts are invisible until the upload completes,
 * and any failure aborts the upload, so a failed put leaves neither an object nor stored parts behind. Each part
 * is a replayable body, so the SDK's retry strategy retries parts individually.
 */
final class MultipartUpload {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

    private final S3Client client;
    private final S3Settings settings;
    private final String key;
    private final String s3Key;
    private final String contentType;

    MultipartUpload(S3Client client, S3Settings settings, String key, String s3Key, String contentType) {
        this.client = client;
        this.settings = settings;
        this.key = key;
        this.s3Key = s3Key;
        this.contentType = contentType;
    }

    StoredObject run(ContentSource source, long declaredLength) {
        String uploadId = client.createMultipartUpload(
                        request -> request.bucket(settings.bucket()).key(s3Key).contentType(contentType))
                .uploadId();
        try {
            ContentDigest digest = new ContentDigest();
            List<CompletedPart> parts = uploadParts(source, uploadId, digest);
            digest.requireDeclaredLength(key, declaredLength);
            String eTag = client.completeMultipartUpload(request -> request.bucket(settings.bucket())
                            .key(s3Key)
                            .uploadId(uploadId)
                            .multipartUpload(upload -> upload.parts(parts)))
                    .eTag();
            StoredObject object = new StoredObject(key, digest.size(), digest.sha256Hex(), contentType);
            recordSha256(object, eTag);
            return object;
        } catch (RuntimeException | Error e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(ContentSource source, String uploadId, ContentDigest digest) {
        byte[] buffer = new byte[settings.partSize()];
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; ; number++) {
            int length = source.fill(buffer, buffer.length);
            if (length == 0 && number > 1) {
                return parts;
            }
            if (number > S3Upload.MAX_PARTS) {
                throw S3Upload.tooLarge(key, settings, "none");
            }
            digest.update(buffer, 0, length);
            parts.add(uploadPart(uploadId, number, buffer, length));
            if (length < buffer.length) {
                return parts;
            }
        }
    }

    private CompletedPart uploadPart(String uploadId, int number, byte[] buffer, int length) {
        String eTag = client.uploadPart(
                        request -> request.bucket(settings.bucket())
                                .key(s3Key)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) length),
                        RequestBody.fromContentProvider(
                                () -> new ByteArrayInputStream(buffer, 0, length),
                                length,
                                ObjectStorage.DEFAULT_CONTENT_TYPE))
                .eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    /**
     * S3 takes metadata when an upload starts, before the SHA-256 is known, so it is attached afterwards by copying
     * the object onto itself. The copy is conditional on the ETag we just created: if another put replaced the object
     * meanwhile, our checksum must not be attached to its content. Failing here loses only the recorded checksum.
     */
    private void recordSha256(StoredObject object, String eTag) {
        if (object.size() > S3Upload.MAX_COPY_SIZE) {
            return; // the caller still gets the SHA-256; only the object does not record it
        }
        try {
            client.copyObject(request -> request.sourceBucket(settings.bucket())
                    .sourceKey(s3Key)
                    .destinationBucket(settings.bucket())
                    .destinationKey(s3Key)
                    .copySourceIfMatch(eTag)
                    .metadataDirective(MetadataDirective.REPLACE)
                    .contentType(contentType)
                    .metadata(Map.of(S3Upload.SHA256_METADATA, object.sha256Hex())));
        } catch (SdkException e) {
            LOG.warn(
                    "stored {} in bucket {} but could not record its SHA-256: {}",
                    s3Key,
                    settings.bucket(),
                    e.toString());
        }
    }

    private void abort(String uploadId, Throwable failure) {
        try {
            client.abortMultipartUpload(
                    request -> request.bucket(settings.bucket()).key(s3Key).uploadId(uploadId));
        } catch (SdkException e) {
            // a bucket lifecycle rule (AbortIncompleteMultipartUpload) is the backstop for this case
            LOG.warn("could not abort multipart upload {} of {} in bucket {}", uploadId, s3Key, settings.bucket(), e);
            failure.addSuppressed(e);
        }
    }
}
