package com.makcrm.core.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes on at most {@code limit} bytes and fails as soon as the content turns out longer, so an upload of unknown
 * length is stopped at the limit instead of being stored whole and rejected afterwards.
 */
final class SizeLimitedInputStream extends FilterInputStream {

    /** Thrown from a read once the content is longer than the limit. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(long limit) {
            super("content is longer than " + limit + " bytes");
        }
    }

    private final long limit;
    private long delivered;
    private boolean exceeded;

    SizeLimitedInputStream(InputStream content, long limit) {
        super(content);
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // ask for one byte beyond the limit: the only way to learn that the content goes on
        long allowed = limit - delivered + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, allowed));
        if (n > 0) {
            delivered += n;
        }
        if (delivered > limit) {
            exceeded = true;
            throw new LimitExceeded(limit);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not supported while counting upload bytes");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported");
    }
}
