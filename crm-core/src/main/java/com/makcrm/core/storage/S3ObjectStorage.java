package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3 bucket (or an S3-compatible store), under the settings' key prefix, through the SDK's blocking
 * client. The SHA-256 of each object we store is kept in its user metadata ({@code x-amz-meta-sha256}).
 */
public final class S3ObjectStorage implements ObjectStorage {

    private final S3Settings settings;
    private final S3Client client;
    private final S3Errors errors;

    public S3ObjectStorage(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = S3Clients.create(settings);
        this.errors = new S3Errors(settings);
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        String s3Key = s3Key(key);
        ContentDigest.requireValidLength(length);
        String type = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        return call("store", object(key), () -> new S3Upload(client, settings, key, s3Key, type).run(content, length));
    }

    @Override
    public StoredObjectStream get(String key) {
        String s3Key = s3Key(key);
        ResponseInputStream<GetObjectResponse> body = call(
                "read",
                object(key),
                () -> client.getObject(
                        request -> request.bucket(settings.bucket()).key(s3Key)));
        GetObjectResponse response = body.response();
        StoredObject object = new StoredObject(
                key,
                response.contentLength(),
                response.metadata().get(S3Upload.SHA256_METADATA),
                contentTypeOrDefault(response.contentType()));
        return new StoredObjectStream(object, new S3ObjectInputStream(body));
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        String s3Key = s3Key(key);
        try {
            HeadObjectResponse response = client.headObject(
                    request -> request.bucket(settings.bucket()).key(s3Key));
            return Optional.of(new StoredObject(
                    key,
                    response.contentLength(),
                    response.metadata().get(S3Upload.SHA256_METADATA),
                    contentTypeOrDefault(response.contentType())));
        } catch (SdkException e) {
            if (S3Errors.isMissingObject(e)) {
                return Optional.empty();
            }
            throw errors.map(e, "describe", object(key));
        }
    }

    @Override
    public void delete(String key) {
        String s3Key = s3Key(key);
        call(
                "delete",
                object(key),
                () -> client.deleteObject(
                        request -> request.bucket(settings.bucket()).key(s3Key)));
    }

    @Override
    public Stream<ObjectSummary> list(String prefix) {
        ObjectKeys.requireValidPrefix(prefix);
        Supplier<Iterator<S3Object>> pages =
                () -> client.listObjectsV2Paginator(request -> request.bucket(settings.bucket())
                                .prefix(settings.prefix() + prefix)
                                .maxKeys(settings.listPageSize()))
                        .contents()
                        .iterator();
        Iterator<S3Object> mapped =
                new S3ErrorMappingIterator<>(pages, errors, "objects under '" + ObjectKeys.printable(prefix) + "'");
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(mapped, Spliterator.ORDERED | Spliterator.NONNULL), false)
                // "folder/" placeholders made by S3 consoles are not objects
                .filter(object -> !object.key().endsWith("/"))
                .map(object -> new ObjectSummary(
                        object.key().substring(settings.prefix().length()), object.size(), object.lastModified()));
    }

    @Override
    public StoredObject copy(String sourceKey, String targetKey) {
        String s3Source = s3Key(sourceKey);
        String s3Target = s3Key(targetKey);
        StoredObject source = stat(sourceKey)
                .orElseThrow(() -> CrmException.notFound(
                        StorageMessages.S3_COPY_NOT_FOUND,
                        Map.of("key", ObjectKeys.printable(sourceKey), "bucket", settings.bucket())));
        // beyond CopyObject's limit, stream it through this process rather than copy part by part
        if (source.size() > S3Upload.MAX_COPY_SIZE) {
            return ObjectStorage.super.copy(sourceKey, targetKey);
        }
        call(
                "copy",
                object(sourceKey) + " to '" + ObjectKeys.printable(targetKey) + "'",
                () -> client.copyObject(request -> request.sourceBucket(settings.bucket())
                        .sourceKey(s3Source)
                        .destinationBucket(settings.bucket())
                        .destinationKey(s3Target)
                        .metadataDirective(MetadataDirective.COPY)));
        return source.withKey(targetKey);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3 storage in bucket " + settings.bucket() + " at " + settings.describeEndpoint();
    }

    private String s3Key(String key) {
        String s3Key = settings.prefix() + ObjectKeys.requireValid(key);
        if (s3Key.getBytes(StandardCharsets.UTF_8).length > ObjectKeys.MAX_KEY_BYTES) {
            throw CrmException.invalid(
                    StorageMessages.KEY_TOO_LONG_FOR_S3,
                    Map.of(
                            "key",
                            ObjectKeys.printable(key),
                            "prefix",
                            settings.prefix(),
                            "max",
                            String.valueOf(ObjectKeys.MAX_KEY_BYTES)));
        }
        return s3Key;
    }

    private <T> T call(String action, String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.map(e, action, what);
        }
    }

    private static String object(String key) {
        return "object '" + ObjectKeys.printable(key) + "'";
    }

    private static String contentTypeOrDefault(String contentType) {
        return contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
    }
}
