package com.makcrm.core.attachment;

import com.makcrm.core.storage.GeneratedContent;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content for uploads: a deterministic pseudo-random stream of any length, generated as it is read (so megabytes
 * never sit in memory), and streams that fail or act at a chosen point. SHA-256s are computed here with the JDK,
 * independently of the code under test.
 */
final class TestContent {

    static final int MIB = 1024 * 1024;

    private TestContent() {}

    static InputStream of(long length, long seed) {
        return GeneratedContent.of(length, seed);
    }

    static String sha256(long length, long seed) {
        return GeneratedContent.sha256(length, seed);
    }

    /** Reads the stream to its end and closes it. */
    static String sha256Of(InputStream in) {
        return GeneratedContent.sha256Of(in);
    }

    /** Yields the first {@code failAfter} bytes of the content, then fails like a client that disconnects. */
    static InputStream failingAfter(InputStream content, long failAfter) {
        return new FilterInputStream(content) {
            private long delivered;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (delivered >= failAfter) {
                    throw new IOException("connection reset by test after " + delivered + " bytes");
                }
                int n = super.read(buffer, offset, (int) Math.min(length, failAfter - delivered));
                delivered += Math.max(n, 0);
                return n;
            }
        };
    }

    /** Runs {@code atEnd} once, when the content has been read to its end. */
    static InputStream runningAtEnd(InputStream content, Runnable atEnd) {
        return new FilterInputStream(content) {
            private boolean ran;

            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return ended(super.read(buffer, offset, length));
            }

            private int ended(int n) {
                if (n < 0 && !ran) {
                    ran = true;
                    atEnd.run();
                }
                return n;
            }
        };
    }

    /** A stream that must not be read at all. */
    static InputStream untouchable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the content was read, though the upload should be refused before");
            }
        };
    }
}
