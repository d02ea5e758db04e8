package com.makcrm.core.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic pseudo-random stream of any length, generated as it is read, so tests can store objects of tens
 * of megabytes without holding them in memory and recompute their SHA-256 independently of the code under test.
 * Shared by the storage and attachment tests.
 */
public final class GeneratedContent extends InputStream {

    private long remaining;
    private long state;
    private long word;
    private int wordBytesLeft;

    private GeneratedContent(long length, long seed) {
        this.remaining = length;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    public static InputStream of(long length, long seed) {
        return new GeneratedContent(length, seed);
    }

    public static String sha256(long length, long seed) {
        return sha256Of(of(length, seed));
    }

    static String sha256Of(byte[] content) {
        return sha256Of(new ByteArrayInputStream(content));
    }

    /** Reads the stream to its end and closes it. */
    public static String sha256Of(InputStream in) {
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

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return length == 0 ? 0 : -1;
        }
        int n = (int) Math.min(length, remaining);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = nextByte();
        }
        remaining -= n;
        return n;
    }

    // xorshift64: fast and good enough that no two parts of an object look alike
    private byte nextByte() {
        if (wordBytesLeft == 0) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            word = state;
            wordBytesLeft = 8;
        }
        byte b = (byte) word;
        word >>>= 8;
        wordBytesLeft--;
        return b;
    }
}
