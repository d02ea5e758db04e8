package com.makcrm.core.backup;

import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A store that remembers the keys put into it, to see what a backup uploads. */
final class CountingStorage implements ObjectStorage {

    private final ObjectStorage delegate;
    private final List<String> puts = new CopyOnWriteArrayList<>();

    CountingStorage(ObjectStorage delegate) {
        this.delegate = delegate;
    }

    List<String> putsUnder(String prefix) {
        return puts.stream().filter(key -> key.startsWith(prefix)).toList();
    }

    void forget() {
        puts.clear();
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        puts.add(key);
        return delegate.put(key, content, length, contentType);
    }

    @Override
    public StoredObjectStream get(String key) {
        return delegate.get(key);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public Stream<ObjectSummary> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
