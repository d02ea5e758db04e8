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
        ClusterDump dump) {

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

    public long totalBytes() {
        return tables.stream().mapToLong(TablePart::compressedBytes).sum()
                + objects.stream().mapToLong(ObjectEntry::size).sum()
                + (dump == null ? 0 : dump.bytes());
    }
}
