package com.makcrm.core.attachment;

import com.makcrm.core.error.CrmException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Recomputes the SHA-256 of content as it is read and fails at the end if the content is not what was uploaded,
 * so a corrupted or replaced object in storage is never served as if it were intact.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String what;
    private final long expectedSize;
    private final String expectedSha256;
    private final MessageDigest digest;
    private long size;
    private String actualSha256; // set once the end is reached: a digest can be completed only once

    VerifyingInputStream(InputStream content, String what, long expectedSize, String expectedSha256) {
        super(content);
        this.what = what;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw CrmException.internal("this JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            size += n;
            if (size > expectedSize) {
                throw mismatch("is longer than the " + expectedSize + " bytes uploaded");
            }
        } else if (n < 0) {
            verifyAtEnd();
        }
        return n;
    }

    // every byte must pass through the digest, so skipping reads and discards
    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
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

    private void verifyAtEnd() throws IOException {
        if (size != expectedSize) {
            throw mismatch("ended after " + size + " of the " + expectedSize + " bytes uploaded");
        }
        if (actualSha256 == null) {
            actualSha256 = HexFormat.of().formatHex(digest.digest());
        }
        if (!actualSha256.equals(expectedSha256)) {
            throw mismatch("has SHA-256 " + actualSha256 + ", not the " + expectedSha256 + " recorded at upload");
        }
    }

    private IOException mismatch(String how) {
        return new IOException("the stored content of " + what + " " + how + "; it is damaged or was replaced");
    }
}
