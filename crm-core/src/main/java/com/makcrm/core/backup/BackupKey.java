package com.makcrm.core.backup;

import com.makcrm.core.i18n.BackupMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A backup encryption key: 32 random bytes, kept by the operator outside the repository. A key file holds them as one
 * line of base64. A backup records only the key's {@link #id() id}, a hash that names the key without revealing it.
 */
public final class BackupKey {

    /** Length of a key in bytes (AES-256). */
    public static final int LENGTH = 32;

    // a fixed label, so the id is a hash of this key for this purpose only
    private static final byte[] ID_LABEL = "makcrm-backup-key-id-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_FILE_LENGTH = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] material;
    private final String id;

    private BackupKey(byte[] material) {
        this.material = material.clone();
        this.id = idOf(material);
    }

    /** A new random key. */
    public static BackupKey generate() {
        byte[] material = new byte[LENGTH];
        RANDOM.nextBytes(material);
        return new BackupKey(material);
    }

    /** The key written as base64 text; KEY failure when it is not base64 of exactly 32 bytes. */
    public static BackupKey fromBase64(String text) {
        Objects.requireNonNull(text, "text");
        byte[] material;
        try {
            material = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_FORMAT,
                    Map.of("file", "none", "length", String.valueOf(LENGTH), "actual", "none"));
        }
        if (material.length != LENGTH) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_FORMAT,
                    Map.of(
                            "file",
                            "none",
                            "length",
                            String.valueOf(LENGTH),
                            "actual",
                            String.valueOf(material.length)));
        }
        return new BackupKey(material);
    }

    /** The key in a key file; KEY failure naming the file when it cannot be read or holds no valid key. */
    public static BackupKey load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_LENGTH) {
                throw new BackupFailure(
                        BackupFailure.Kind.KEY, BackupMessages.KEY_FILE_TOO_LARGE, Map.of("file", file.toString()));
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (BackupFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_FILE_UNREADABLE,
                    Map.of("file", file.toString(), "reason", String.valueOf(describe(e))),
                    e);
        }
        try {
            return fromBase64(text);
        } catch (BackupFailure e) {
            if (e.message() == null) {
                throw new BackupFailure(BackupFailure.Kind.KEY, "encryption key file " + file + ": " + e.getMessage());
            }
            Map<String, Object> args = new LinkedHashMap<>(e.messageArgs());
            args.put("file", file.toString());
            throw new BackupFailure(BackupFailure.Kind.KEY, e.message(), args);
        }
    }

    /** The key file's content: the base64 of the key and a line end. Write it only where the operator keeps it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(material) + "\n";
    }

    /** A short name of the key, recorded in manifests: the first 16 hex digits of a SHA-256 over a label and the key. */
    public String id() {
        return id;
    }

    /** The raw key, for the cipher; a copy. */
    byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupKey other && MessageDigest.isEqual(material, other.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Names the key by its id only, so logging a key never leaks it. */
    @Override
    public String toString() {
        return "BackupKey[id=" + id + "]";
    }

    private static String idOf(byte[] material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(material);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not a text file";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
