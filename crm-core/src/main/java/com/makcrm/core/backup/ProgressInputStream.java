package com.makcrm.core.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Reports a running byte count as it is read, and remembers the first read error: a consumer such as the driver's
 * COPY reports a failing source only as a failed statement.
 */
final class ProgressInputStream extends FilterInputStream {

    private final LongConsumer onBytes;
    private long count;
    private IOException failure;

    /** @param onBytes given the number of bytes read so far, after each read that returned some */
    ProgressInputStream(InputStream in, long alreadyRead, LongConsumer onBytes) {
        super(in);
        this.count = alreadyRead;
        this.onBytes = onBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                onBytes.accept(count);
            }
            return n;
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        return super.skip(n); // not counted: nobody skips parts
    }

    /** The running total, including {@code alreadyRead}. */
    long count() {
        return count;
    }

    /** The first read error, or null. */
    IOException failure() {
        return failure;
    }
}
