package com.makcrm.core.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content for uploads: a deterministic pseudo-random stream of any length, generated as it is read (so megabytes
 * never sit in memory), and streams that fail or act at a chosen point. SHA-256s are computed here with the JDK,
 * independently of the code under test.
 */
final class TestContent {

    static final int MIB = 1024 * 1024;

    private TestContent() {}

    static InputStream of(long length, long seed) {
        return new Generated(length, seed);
    }

    static String sha256(long length, long seed) {
        return sha256Of(of(length, seed));
    }

    /** Reads the stream to its end and closes it. */
    static String sha256Of(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static final class Generated extends InputStream {
        private long remaining;
        private long state;

        Generated(long length, long seed) {
            this.remaining = length;
            this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                // xorshift64, one byte per step: simple, and no two regions of the content look alike
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                buffer[offset + i] = (byte) state;
            }
            remaining -= n;
            return n;
        }
    }
}
