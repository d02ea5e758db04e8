package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A flat namespace of objects addressed by key, such as {@code tenants/<id>/attachments/<uuid>}. Keys use {@code /}
 * as separator, are at most 1024 UTF-8 bytes and contain no {@code .} or {@code ..} segment, empty segment,
 * leading or trailing {@code /}, backslash or control character; anything else is rejected as INVALID.
 *
 * <p>Failures are {@link com.makcrm.core.error.CrmException}s: INVALID for bad keys or content, NOT_FOUND for
 * missing objects, FORBIDDEN when the store refuses access, UNAVAILABLE when it cannot be reached.
 *
 * <p>A put is atomic: readers see the previous object (or none) until the new one is complete, and a put that
 * fails leaves the key exactly as it was.
 */
public interface ObjectStorage extends AutoCloseable {

    /** The length to pass to {@link #put} when the stream's length is not known in advance. */
    long UNKNOWN_LENGTH = -1;

    String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    /**
     * Stores everything {@code content} yields under {@code key}, replacing any object there. The stream is read to
     * its end but not closed: the caller owns it.
     *
     * @param length the exact number of bytes the stream yields, or {@link #UNKNOWN_LENGTH}; a stream of another
     *     length is rejected as INVALID and nothing is stored
     * @param contentType a MIME type, or null for {@value #DEFAULT_CONTENT_TYPE}
     */
    StoredObject put(String key, InputStream content, long length, String contentType);

    default StoredObject put(String key, InputStream content, String contentType) {
        return put(key, content, UNKNOWN_LENGTH, contentType);
    }

    /** Opens the object for reading; the caller closes the stream. NOT_FOUND if there is no such object. */
    StoredObjectStream get(String key);

    /** The object's description, or empty if there is none. */
    Optional<StoredObject> stat(String key);

    default boolean exists(String key) {
        return stat(key).isPresent();
    }

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key);

    /**
     * The objects whose keys start with {@code prefix} (a plain string prefix, {@code ""} for all), in key order,
     * fetched lazily page by page as the stream is consumed. Close the stream when done.
     */
    Stream<ObjectSummary> list(String prefix);

    /**
     * Copies an object to another key, inside the store where it can do that cheaply, else by streaming it through
     * this process. NOT_FOUND if the source does not exist.
     */
    default StoredObject copy(String sourceKey, String targetKey) {
        try (StoredObjectStream source = get(sourceKey)) {
            StoredObject object = source.object();
            return put(targetKey, source, object.size(), object.contentType());
        } catch (IOException e) {
            throw CrmException.internal("could not close object '" + sourceKey + "' after copying it", e);
        }
    }

    /** Releases connections; a storage obtained from {@link ObjectStorages} is closed by whoever opened it. */
    @Override
    default void close() {}
}
