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
    private volatile String failingKeySuffix;

    CountingStorage(ObjectStorage delegate) {
        this.delegate = delegate;
    }

    List<String> putsUnder(String prefix) {
        return puts.stream().filter(key -> key.startsWith(prefix)).toList();
    }

    void forget() {
        puts.clear();
    }

    /** From now on, the content of a key ending in {@code suffix} breaks off after a few bytes, like a lost disk. */
    void breakPutsEndingWith(String suffix) {
        failingKeySuffix = suffix;
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        puts.add(key);
        String suffix = failingKeySuffix;
        InputStream source = suffix != null && key.endsWith(suffix) ? breakingAfter(content, 16) : content;
        return delegate.put(key, source, length, contentType);
    }

    private static InputStream breakingAfter(InputStream content, int bytes) {
        return new java.io.FilterInputStream(content) {
            private int read;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (read >= bytes) {
                    throw new java.io.IOException("No space left on device");
                }
                int n = super.read(b, off, Math.min(len, bytes - read));
                read += Math.max(n, 0);
                return n;
            }
        };
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
