package com.makcrm.core.backup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a backup holds; stored as {@code backups/<backup-id>/manifest.json}, written after everything else (see
 * {@link com.makcrm.core.backup the package} for the format).
 */
public record BackupManifest(
        int formatVersion,
        UUID backupId,
        Kind kind,
        UUID tenantId,
        String tenantSlug,
        String schemaVersion,
        Instant started,
        Instant finished,
        String toolVersion,
        List<TablePart> tables,
        List<ObjectEntry> objects,
        ClusterDump dump,
        Encryption encryption) {

    /** The format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public enum Kind {
        TENANT,
        /** The whole database ({@link #dump()}) and every object; no tenant fields, no tables. */
        CLUSTER
    }

    public BackupManifest {
        tables = List.copyOf(tables);
        objects = List.copyOf(objects);
    }

    /**
     * One table's part.
     *
     * @param rows rows in the snapshot
     * @param bytes length of the uncompressed COPY stream
     * @param compressedBytes length of the stored part
     * @param sha256 SHA-256 of the stored part
     * @param dataSha256 SHA-256 of the uncompressed COPY stream
     */
    public record TablePart(
            String name, long rows, long bytes, long compressedBytes, String sha256, String dataSha256) {}

    /** One tenant object: its key relative to the tenant's prefix, stored content-addressed by {@code sha256}. */
    public record ObjectEntry(String key, String sha256, long size) {}

    /**
     * How the backup's parts and objects are encrypted; null in the manifest of a backup that is not (and of one
     * written before encryption existed).
     *
     * @param algorithm the scheme, e.g. {@code AES256_GCM_HKDF_1MB}
     * @param keyId the {@link BackupKey#id() id} of the key: never the key itself
     */
    public record Encryption(String algorithm, String keyId) {}

    /** Rows in all table parts. */
    public long totalRows() {
        return tables.stream().mapToLong(TablePart::rows).sum();
    }

    /** Length of all uncompressed COPY streams: what a restore feeds to PostgreSQL. */
    public long dataBytes() {
        return tables.stream().mapToLong(TablePart::bytes).sum();
    }

    public long totalBytes() {
        return tables.stream().mapToLong(TablePart::compressedBytes).sum()
                + objects.stream().mapToLong(ObjectEntry::size).sum()
                + (dump == null ? 0 : dump.bytes());
    }
}
