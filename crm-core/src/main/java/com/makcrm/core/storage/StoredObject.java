package com.makcrm.core.storage;

import java.util.Objects;

/**
 * An object as stored.
 *
 * @param sha256Hex the SHA-256 of the content in lowercase hex, or null where the store holds no trustworthy record
 *     of it (an object written by another tool, or one whose metadata a crash left behind)
 */
public record StoredObject(String key, long size, String sha256Hex, String contentType) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    StoredObject withKey(String newKey) {
        return new StoredObject(newKey, size, sha256Hex, contentType);
    }
}
