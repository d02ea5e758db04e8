package com.makcrm.core.storage;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;

/** An object's content being read, with its description. Close it to release the file or connection. */
public final class StoredObjectStream extends FilterInputStream {

    private final StoredObject object;

    StoredObjectStream(StoredObject object, InputStream content) {
        super(Objects.requireNonNull(content, "content"));
        this.object = Objects.requireNonNull(object, "object");
    }

    public StoredObject object() {
        return object;
    }

    StoredObjectStream withKey(String key) {
        return new StoredObjectStream(object.withKey(key), in);
    }
}
