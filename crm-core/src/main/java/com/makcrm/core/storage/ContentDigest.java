package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 and byte count of content as it streams past, so a put never has to read its content twice. */
final class ContentDigest {

    private final MessageDigest sha256;
    private long size;

    ContentDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw CrmException.internal("this JVM has no SHA-256", e);
        }
    }

    static long requireValidLength(long length) {
        if (length < ObjectStorage.UNKNOWN_LENGTH) {
            throw CrmException.invalid("content length must be at least 0, or UNKNOWN_LENGTH (-1): " + length);
        }
        return length;
    }

    void update(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
        size += length;
    }

    long size() {
        return size;
    }

    /** Completes the digest; call once, after the last update. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Rejects content whose length differs from what the caller declared, before anything becomes visible. */
    void requireDeclaredLength(String key, long declared) {
        if (declared != ObjectStorage.UNKNOWN_LENGTH && declared != size) {
            throw CrmException.invalid(
                    StorageMessages.CONTENT_LENGTH_MISMATCH,
                    Map.of(
                            "key",
                            ObjectKeys.printable(key),
                            "declared",
                            String.valueOf(declared),
                            "size",
                            String.valueOf(size)));
        }
    }
}
