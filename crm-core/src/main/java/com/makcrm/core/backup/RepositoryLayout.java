package com.makcrm.core.backup;

import java.util.UUID;

/** Where things live in a backup repository. */
final class RepositoryLayout {

    static final String BACKUPS = "backups/";
    static final String MANIFEST = "manifest.json";

    private RepositoryLayout() {}

    static String backupPrefix(UUID backupId) {
        return BACKUPS + backupId + "/";
    }

    static String manifest(UUID backupId) {
        return backupPrefix(backupId) + MANIFEST;
    }

    static String tablePart(UUID backupId, String table) {
        return backupPrefix(backupId) + "tables/" + table + ".copy.zst";
    }

    static String clusterDump(UUID backupId) {
        return backupPrefix(backupId) + ClusterDump.PART;
    }

    /** A plain object, by the SHA-256 of its content. */
    static String object(String sha256Hex) {
        return "objects/sha256/" + sha256Hex.substring(0, 2) + "/" + sha256Hex;
    }

    /**
     * An object encrypted with the key of id {@code keyId}, by the SHA-256 of its plaintext: each key has its own area,
     * so plain and encrypted objects, or objects of two keys, never stand in for one another.
     */
    static String encryptedObject(String keyId, String sha256Hex) {
        return "objects/" + keyId + "/sha256/" + sha256Hex.substring(0, 2) + "/" + sha256Hex;
    }

    /** The backup id of a key {@code backups/<id>/manifest.json}, or null for any other key. */
    static UUID backupIdOfManifest(String key) {
        if (!key.startsWith(BACKUPS) || !key.endsWith("/" + MANIFEST)) {
            return null;
        }
        String id = key.substring(BACKUPS.length(), key.length() - MANIFEST.length() - 1);
        try {
            UUID parsed = UUID.fromString(id);
            return parsed.toString().equals(id) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
