package com.makcrm.core.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a listing: listings do not fetch each object's metadata, so only key, size and (where the store says)
 * the time it was last written are known.
 *
 * @param lastModified when the object was last written, or null where the store does not say
 */
public record ObjectSummary(String key, long size, Instant lastModified) {

    public ObjectSummary {
        Objects.requireNonNull(key, "key");
    }

    /** An entry whose last-modified time is not known. */
    public ObjectSummary(String key, long size) {
        this(key, size, null);
    }

    ObjectSummary withKey(String newKey) {
        return new ObjectSummary(newKey, size, lastModified);
    }
}
