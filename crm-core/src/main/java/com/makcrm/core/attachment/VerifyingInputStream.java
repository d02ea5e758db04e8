package com.makcrm.core.attachment;

import com.makcrm.core.storage.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Recomputes the SHA-256 of content as it is read and fails at the end if the content is not what was uploaded,
 * so a corrupted or replaced object in storage is never served as if it were intact.
 */
final class VerifyingInputStream extends DigestingInputStream {

    private final String what;
    private final long expectedSize;
    private final String expectedSha256;

    VerifyingInputStream(InputStream content, String what, long expectedSize, String expectedSha256) {
        super(content);
        this.what = what;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && count() > expectedSize) {
            throw mismatch("is longer than the " + expectedSize + " bytes uploaded");
        } else if (n < 0) {
            verifyAtEnd();
        }
        return n;
    }

    private void verifyAtEnd() throws IOException {
        if (count() != expectedSize) {
            throw mismatch("ended after " + count() + " of the " + expectedSize + " bytes uploaded");
        }
        if (!sha256Hex().equals(expectedSha256)) {
            throw mismatch("has SHA-256 " + sha256Hex() + ", not the " + expectedSha256 + " recorded at upload");
        }
    }

    private IOException mismatch(String how) {
        return new IOException("the stored content of " + what + " " + how + "; it is damaged or was replaced");
    }
}
