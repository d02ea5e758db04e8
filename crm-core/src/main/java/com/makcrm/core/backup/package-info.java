/**
 * Tenant backups: a consistent snapshot of one tenant schema plus the tenant's objects, written to a backup
 * repository (any {@link com.makcrm.core.storage.ObjectStorage}: {@code file:///path} or {@code s3://bucket/prefix}),
 * and verified from there. Cluster backups ({@link com.makcrm.core.backup.ClusterBackups}): the whole database as one
 * {@code pg_dump} archive plus every object of the application store, in the same repository.
 *
 * <h2>Repository format (version 1)</h2>
 *
 * <pre>
 * backups/&lt;backup-id&gt;/tables/&lt;table&gt;.copy.zst   one part per table of the tenant schema
 * backups/&lt;backup-id&gt;/cluster.dump              cluster backups only: the pg_dump archive of the whole database
 * backups/&lt;backup-id&gt;/manifest.json             written last: without it the backup does not exist
 * backups/&lt;backup-id&gt;/verifications/&lt;timestamp&gt;-&lt;kind&gt;.json   one record per verify or restore drill
 * objects/sha256/&lt;aa&gt;/&lt;sha256&gt;                  tenant objects, content-addressed and shared by all backups
 * objects/&lt;key-id&gt;/sha256/&lt;aa&gt;/&lt;sha256&gt;         the same, encrypted with the key of that id (encrypted backups)
 * </pre>
 *
 * <ul>
 *   <li>The backup id is a UUID v7, so ids sort by start time.
 *   <li>A table part is the output of {@code COPY (SELECT * FROM <table> ORDER BY <primary key, else ctid>) TO STDOUT
 *       (FORMAT binary)}, compressed as one zstd frame (then encrypted, see below). All tables are read in one {@code REPEATABLE READ, READ ONLY}
 *       transaction, so the parts form one snapshot while writes continue.
 *   <li>{@code <aa>} is the first two hex digits of the object's SHA-256. An object already in the repository is not
 *       uploaded again; an object is stored only once its full content matched its hash.
 *   <li>The manifest ({@link com.makcrm.core.backup.BackupManifest}) is JSON: {@code formatVersion}, {@code backupId},
 *       {@code kind} ({@code TENANT}), {@code tenantId}, {@code tenantSlug}, {@code schemaVersion}, {@code started},
 *       {@code finished} (ISO-8601 instants), {@code toolVersion}, {@code tables[]} {@code {name, rows, bytes,
 *       compressedBytes, sha256, dataSha256}} and {@code objects[]} {@code {key, sha256, size}} and {@code encryption} ({@code null}, or {@code {algorithm, keyId}});
 *       a manifest without {@code encryption} is a backup that is not encrypted. For a table,
 *       {@code bytes} and {@code dataSha256} describe the uncompressed COPY stream (what a restore feeds back to
 *       {@code COPY FROM}), {@code compressedBytes} and {@code sha256} the stored part. An object's {@code key} is
 *       relative to the tenant's part of the application store ({@code tenants/<tenant-id>/}); its {@code sha256} and
 *       {@code size} are those of the content (the plaintext).
 *   <li>A cluster backup has {@code kind} {@code CLUSTER}, null {@code tenantId} and {@code tenantSlug}, the control
 *       schema's version in {@code schemaVersion}, no {@code tables}, every object of the application store in
 *       {@code objects[]} (keys relative to the store's root, such as {@code tenants/<id>/attachments/<uuid>}), and
 *       {@code dump} {@code {key, bytes, sha256, serverVersion, pgDumpVersion, database}}. {@code cluster.dump} is
 *       the unmodified output of {@code pg_dump --format=custom} of the whole database (one consistent snapshot,
 *       taken by pg_dump), so plain {@code pg_restore} reads it. Manifests without {@code dump} (tenant backups,
 *       and every manifest written before cluster backups existed) read with {@code dump} null.
 *   <li>A verification record ({@link com.makcrm.core.backup.VerificationRecord}, written by
 *       {@link com.makcrm.core.backup.VerificationRecords}) is JSON: {@code backupId}, {@code kind} ({@code verify} or
 *       {@code drill}), {@code at}, {@code ok}, {@code partsChecked}, {@code bytesChecked}, {@code problems} (a count),
 *       {@code toolVersion} and, for drills, optional {@code details}. {@code <timestamp>} is the UTC time as
 *       {@code yyyyMMdd'T'HHmmss.nnnnnnnnn'Z'}, so names sort by time. Records are not part of the backup: verify
 *       ignores them, and they go when the backup is pruned.
 *   <li>Retention ({@link com.makcrm.core.backup.BackupPruner} with a {@link com.makcrm.core.backup.RetentionPolicy})
 *       deletes a backup manifest first, then its folder; it removes objects no remaining manifest references, and
 *       folders without manifest, only once they are older than the policy's grace period.
 * </ul>
 *
 * <h2>Encryption (optional)</h2>
 *
 * <ul>
 *   <li>A key is 32 random bytes; a key file holds their base64 on one line. Its id ({@link
 *       com.makcrm.core.backup.BackupKey#id()}) is the first 16 hex digits of SHA-256 over the label
 *       {@code "makcrm-backup-key-id-v1\0"} and the key. The manifest records the id, never the key, and stays plain
 *       JSON.
 *   <li>Algorithm {@code AES256_GCM_HKDF_1MB}: Tink's streaming AEAD {@code AesGcmHkdfStreaming} (HKDF-SHA256 from the
 *       key and a random per-stream salt to an AES-256-GCM key, 1 MiB ciphertext segments, each sealed with its index
 *       and a last-segment flag). A table part is its zstd frame encrypted as one such stream; an object is its
 *       content encrypted as one stream, stored under {@code objects/<key-id>/}. The associated data of each stream
 *       is {@code "makcrm-backup:"} followed by its key in the repository, so a part moved to another place does not
 *       decrypt.
 *   <li>In an encrypted backup a table's {@code compressedBytes} and {@code sha256} describe the stored (encrypted)
 *       part; {@code bytes} and {@code dataSha256} still the COPY stream. Reading or verifying an encrypted backup
 *       without its key, or with another key, fails ({@link com.makcrm.core.backup.BackupFailure.Kind#KEY}) before
 *       anything is read.
 * </ul>
 *
 * <p>Two backups of one tenant never run at once: the second is refused with CONFLICT (a PostgreSQL advisory lock, so
 * this holds across processes).
 */
package com.makcrm.core.backup;
