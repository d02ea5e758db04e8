package com.makcrm.core.backup;

/**
 * The database part of a cluster backup: one {@code pg_dump --format=custom} archive of the whole database, stored
 * as is at {@code backups/<backup-id>/cluster.dump}, so plain {@code pg_restore} reads it.
 *
 * @param key the archive's key in the repository
 * @param bytes the archive's length
 * @param sha256 SHA-256 of the archive
 * @param serverVersion the version of the server it was dumped from, e.g. {@code 15.13}
 * @param pgDumpVersion the version of the {@code pg_dump} that wrote it, e.g. {@code 15.20}
 * @param database the name of the database it was dumped from
 */
public record ClusterDump(
        String key, long bytes, String sha256, String serverVersion, String pgDumpVersion, String database) {

    /** How verify and restore name this part in their messages. */
    public static final String PART = "cluster.dump";
}
