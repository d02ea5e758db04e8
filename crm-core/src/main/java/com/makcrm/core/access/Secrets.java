package com.makcrm.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Random tokens and their hashes. Tokens use letters and digits only, so they survive copy, paste and URLs. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String LOWER36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    /** 43 base62 characters carry 256 bits: far beyond guessing, so a fast hash is enough to store them. */
    static final int TOKEN_LENGTH = 43;

    private Secrets() {}

    static String token() {
        return random(BASE62, TOKEN_LENGTH);
    }

    static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Constant-time comparison, so timing does not tell how much of a guess was right. */
    static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static boolean only(String value, String alphabet, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (alphabet.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
