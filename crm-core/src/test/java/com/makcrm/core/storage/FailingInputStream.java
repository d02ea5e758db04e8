package com.makcrm.core.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Yields the first bytes of a stream, then fails like a client that disconnects mid-upload. */
final class FailingInputStream extends FilterInputStream {

    private final long failAfter;
    private final Runnable atFailure;
    private long delivered;

    /** @param atFailure runs just before the failure, while the put is still in progress */
    FailingInputStream(InputStream content, long failAfter, Runnable atFailure) {
        super(content);
        this.failAfter = failAfter;
        this.atFailure = atFailure;
    }

    FailingInputStream(InputStream content, long failAfter) {
        this(content, failAfter, () -> {});
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (delivered >= failAfter) {
            atFailure.run();
            throw new IOException("connection reset by test after " + delivered + " bytes");
        }
        int n = super.read(buffer, offset, (int) Math.min(length, failAfter - delivered));
        if (n > 0) {
            delivered += n;
        }
        return n;
    }
}
