package com.makcrm.core.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Pages are fetched while the caller iterates, so the SDK's failures surface here and are mapped here. Even the first
 * page waits for the first call: the SDK's iterator would fetch it on creation, before the caller holds the stream.
 */
final class S3ErrorMappingIterator<T> implements Iterator<T> {

    private final Supplier<Iterator<T>> firstPage;
    private final S3Errors errors;
    private final String what;
    private Iterator<T> pages;

    S3ErrorMappingIterator(Supplier<Iterator<T>> firstPage, S3Errors errors, String what) {
        this.firstPage = firstPage;
        this.errors = errors;
        this.what = what;
    }

    @Override
    public boolean hasNext() {
        try {
            if (pages == null) {
                pages = firstPage.get();
            }
            return pages.hasNext();
        } catch (SdkException e) {
            throw errors.map(e, "list", what);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            return pages.next();
        } catch (SdkException e) {
            throw errors.map(e, "list", what);
        }
    }
}
