package com.makcrm.core.storage;

import java.util.Objects;

/** One entry of a listing: listings do not fetch each object's metadata, so only key and size are known. */
public record ObjectSummary(String key, long size) {

    public ObjectSummary {
        Objects.requireNonNull(key, "key");
    }

    ObjectSummary withKey(String newKey) {
        return new ObjectSummary(newKey, size);
    }
}
