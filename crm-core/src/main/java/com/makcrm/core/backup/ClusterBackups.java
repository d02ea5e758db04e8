package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.DatabaseBootstrap;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster backups: the whole database (control schema and every tenant) as one {@code pg_dump --format=custom}
 * archive, which plain {@code pg_restore} reads, plus every object of the application store, content-addressed and
 * shared with tenant backups (see {@link com.makcrm.core.backup the package} for the format). The archive streams
 * from {@code pg_dump} through SHA-256 straight into the repository, and back into {@code pg_restore} the same way:
 * no temporary file.
 */
public final class ClusterBackups {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBackups.class);
    private static final String DUMP_TYPE = "application/octet-stream";
    private static final int BUFFER = 64 * 1024;

    private final PgConnection database;
    private final ObjectStorage objects;
    private final PgTools tools;
    private final Clock clock;

    /**
     * @param database the database to back up, or the source of the credentials when restoring
     * @param objects the application's object store: backed up whole, and where a restore puts objects back; not
     *     closed here
     * @param tools where {@code pg_dump} and {@code pg_restore} are
     */
    public ClusterBackups(PgConnection database, ObjectStorage objects, PgTools tools) {
        this(database, objects, tools, Clock.systemUTC());
    }

    ClusterBackups(PgConnection database, ObjectStorage objects, PgTools tools, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public BackupManifest create(ObjectStorage repository) {
        return create(repository, BackupListener.NONE);
    }

    /**
     * Dumps the whole database, then copies every object, then writes the manifest. TOOL failure when pg_dump is
     * missing or older than the server. A failure removes what was written; in any case a backup without manifest
     * does not count as one.
     */
    public BackupManifest create(ObjectStorage repository, BackupListener listener) {
        Instant started = clock.instant();
        ServerInfo server = ServerInfo.read(database);
        String pgDumpVersion = PgProcess.version(tools, "pg_dump");
        PgVersion.requireDumpable(pgDumpVersion, server.version(), server.major());
        UUID backupId = UuidV7.next();
        try (AdvisoryLock ignored = BackupLock.acquireCluster(database)) {
            ClusterDump dump = dump(repository, backupId, server, pgDumpVersion);
            List<ObjectEntry> stored = new ObjectArchive(objects, repository).storeAll(listener);
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT_VERSION,
                    backupId,
                    BackupManifest.Kind.CLUSTER,
                    null,
                    null,
                    server.controlSchemaVersion(),
                    started,
                    clock.instant(),
                    ToolVersion.current(),
                    List.of(),
                    stored,
                    dump,
                    null);
            repository.put(RepositoryLayout.manifest(backupId), ManifestJson.write(manifest), "application/json");
            LOG.info(
                    "cluster backup {} of {}: {} bytes of dump, {} objects",
                    backupId,
                    database.describe(),
                    dump.bytes(),
                    stored.size());
            return manifest;
        } catch (RuntimeException e) {
            removeParts(repository, backupId);
            throw e;
        }
    }

    private ClusterDump dump(ObjectStorage repository, UUID backupId, ServerInfo server, String pgDumpVersion) {
        String key = RepositoryLayout.clusterDump(backupId);
        try (PgProcess pgDump =
                PgProcess.start(tools, "pg_dump", database.libpqEnvironment(), "--format=custom", "--no-password")) {
            closeQuietly(pgDump.process().getOutputStream());
            DigestingInputStream archive =
                    new DigestingInputStream(pgDump.process().getInputStream());
            try {
                repository.put(key, archive, ObjectStorage.UNKNOWN_LENGTH, DUMP_TYPE);
            } catch (RuntimeException e) {
                pgDump.close();
                throw e;
            }
            int exit = pgDump.waitFor();
            if (exit != 0) {
                repository.delete(key);
                throw Failures.unavailable(
                        BackupMessages.PG_DUMP_FAILED,
                        Map.of(
                                "database",
                                database.describe(),
                                "exit",
                                String.valueOf(exit),
                                "stderr",
                                orNone(pgDump.stderr())),
                        null);
            }
            return new ClusterDump(
                    key, archive.count(), archive.sha256Hex(), server.version(), pgDumpVersion, server.database());
        }
    }

    private static void removeParts(ObjectStorage repository, UUID backupId) {
        try (Stream<ObjectSummary> parts = repository.list(RepositoryLayout.backupPrefix(backupId))) {
            parts.forEach(part -> repository.delete(part.key()));
        } catch (RuntimeException e) {
            LOG.warn("could not remove the parts of failed cluster backup {}: {}", backupId, e.getMessage());
        }
    }

    /**
     * The manifest of one backup, read from the repository alone (no database needed, unlike
     * {@link TenantBackups#manifest}); NOT_FOUND when it does not exist or never completed.
     */
    public BackupManifest manifest(ObjectStorage repository, UUID backupId) {
        return ManifestJson.require(repository, backupId);
    }

    /** What a cluster restore did. */
    public record Restored(UUID backupId, String database, long dumpBytes, int objectsCopied, int objectsPresent) {}

    /**
     * Restores a cluster backup into {@code target}, which must be empty (it is created when missing): the archive
     * streams from the repository into {@code pg_restore --single-transaction}, so a failure leaves the target as it
     * was; then every object goes back to this instance's object store under its key, except those already there
     * with the same size and content. INVALID when the target is not empty or the backup is no cluster backup;
     * DAMAGED naming the part when the archive or an object does not match the manifest; TOOL when pg_restore is
     * missing or too old for the archive.
     */
    public Restored restore(BackupManifest manifest, ObjectStorage repository, PgConnection target) {
        ClusterDump dump = manifest.dump();
        if (manifest.kind() != BackupManifest.Kind.CLUSTER || dump == null) {
            throw CrmException.invalid(
                    BackupMessages.NOT_CLUSTER_BACKUP,
                    Map.of("id", String.valueOf(manifest.backupId()), "kind", String.valueOf(manifest.kind())));
        }
        String pgRestoreVersion = PgProcess.version(tools, "pg_restore");
        PgVersion.requireRestorable(pgRestoreVersion, dump.pgDumpVersion());
        DatabaseBootstrap.ensureDatabaseExists(target.jdbcUrl(), target.user(), target.password());
        TargetDatabase.requireEmpty(target);
        restoreDump(manifest, dump, repository, target);
        int[] copiedAndPresent = restoreObjects(manifest, repository);
        LOG.info("cluster backup {} restored into {}", manifest.backupId(), target.describe());
        return new Restored(
                manifest.backupId(), target.describe(), dump.bytes(), copiedAndPresent[0], copiedAndPresent[1]);
    }

    private void restoreDump(BackupManifest manifest, ClusterDump dump, ObjectStorage repository, PgConnection target) {
        String key = RepositoryLayout.clusterDump(manifest.backupId());
        try (StoredObjectStream stored = openPart(repository, key, ClusterDump.PART, "none");
                PgProcess pgRestore = PgProcess.start(
                        tools,
                        "pg_restore",
                        target.libpqEnvironment(),
                        ProcessBuilder.Redirect.DISCARD, // with --dbname it prints nothing worth keeping there
                        "--no-owner",
                        "--single-transaction",
                        "--exit-on-error",
                        "--no-password",
                        "--dbname=" + target.database())) {
            DigestingInputStream archive = new DigestingInputStream(stored);
            boolean fed = feed(archive, pgRestore, dump);
            if (archive.count() != dump.bytes() || !archive.sha256Hex().equals(dump.sha256())) {
                throw new BackupFailure(
                        BackupFailure.Kind.DAMAGED,
                        BackupMessages.CLUSTER_PART_DAMAGED,
                        Map.of(
                                "part", ClusterDump.PART,
                                "key", key,
                                "id", String.valueOf(manifest.backupId()),
                                "bytes", String.valueOf(archive.count()),
                                "sha256", String.valueOf(archive.sha256Hex()),
                                "expectedBytes", String.valueOf(dump.bytes()),
                                "expectedSha256", String.valueOf(dump.sha256())));
            }
            int exit = pgRestore.waitFor();
            if (exit != 0 || !fed) {
                throw Failures.unavailable(
                        BackupMessages.PG_RESTORE_FAILED,
                        Map.of(
                                "target",
                                target.describe(),
                                "exit",
                                String.valueOf(exit),
                                "stderr",
                                orNone(pgRestore.stderr())),
                        null);
            }
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.REPOSITORY_READ_FAILED,
                    Map.of("key", key, "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }

    /**
     * Copies the archive into pg_restore, always holding back the last block until the whole archive has matched
     * its SHA-256: pg_restore cannot complete (and commit) without it, so a damaged archive restores nothing.
     *
     * @return false when pg_restore stopped reading early (it failed); the archive is read to its end regardless
     */
    private static boolean feed(DigestingInputStream archive, PgProcess pgRestore, ClusterDump dump)
            throws IOException {
        OutputStream stdin = pgRestore.process().getOutputStream();
        boolean open = true;
        byte[] held = new byte[BUFFER];
        int heldLength = 0;
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = archive.readNBytes(buffer, 0, buffer.length)) > 0) {
            if (open && heldLength > 0) {
                open = write(stdin, held, heldLength);
            }
            byte[] swap = held;
            held = buffer;
            buffer = swap;
            heldLength = n;
        }
        if (archive.count() != dump.bytes() || !archive.sha256Hex().equals(dump.sha256())) {
            pgRestore.close(); // killed before its last block: its transaction rolls back
            return false;
        }
        if (open && heldLength > 0) {
            open = write(stdin, held, heldLength);
        }
        closeQuietly(stdin);
        return open;
    }

    private static boolean write(OutputStream stdin, byte[] data, int length) {
        try {
            stdin.write(data, 0, length);
            return true;
        } catch (IOException e) { // pg_restore exited; its stderr says why
            return false;
        }
    }

    private int[] restoreObjects(BackupManifest manifest, ObjectStorage repository) {
        int copied = 0;
        int present = 0;
        for (ObjectEntry entry : manifest.objects()) {
            Optional<StoredObject> there = objects.stat(entry.key());
            if (there.filter(o -> o.size() == entry.size()
                            && (o.sha256Hex() == null || o.sha256Hex().equals(entry.sha256())))
                    .isPresent()) {
                present++;
                continue;
            }
            restoreObject(manifest, repository, entry);
            copied++;
        }
        return new int[] {copied, present};
    }

    private void restoreObject(BackupManifest manifest, ObjectStorage repository, ObjectEntry entry) {
        String key = RepositoryLayout.object(entry.sha256());
        try (StoredObjectStream stored = openPart(repository, key, "object " + entry.key(), entry.key())) {
            DigestingInputStream content = new DigestingInputStream(stored);
            objects.put(
                    entry.key(),
                    content,
                    ObjectStorage.UNKNOWN_LENGTH,
                    stored.object().contentType());
            if (content.count() != entry.size() || !content.sha256Hex().equals(entry.sha256())) {
                objects.delete(entry.key());
                throw new BackupFailure(
                        BackupFailure.Kind.DAMAGED,
                        BackupMessages.CLUSTER_OBJECT_DAMAGED,
                        Map.of(
                                "object", entry.key(),
                                "key", key,
                                "id", String.valueOf(manifest.backupId()),
                                "bytes", String.valueOf(content.count()),
                                "sha256", String.valueOf(content.sha256Hex()),
                                "expectedBytes", String.valueOf(entry.size()),
                                "expectedSha256", String.valueOf(entry.sha256())));
            }
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.REPOSITORY_READ_FAILED,
                    Map.of("key", key, "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }

    private static StoredObjectStream openPart(ObjectStorage repository, String key, String part, String object) {
        try {
            return repository.get(key);
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                throw new BackupFailure(
                        BackupFailure.Kind.DAMAGED,
                        BackupMessages.PART_MISSING,
                        Map.of("part", part, "object", object, "key", key),
                        e);
            }
            throw e;
        }
    }

    /** The tool's stderr, or {@code none} (the select keyword for "it printed nothing"). */
    private static String orNone(String stderr) {
        return stderr.isEmpty() ? "none" : stderr;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the tool is gone already; its exit code tells
        }
    }

    /** Facts about the database being dumped. */
    record ServerInfo(String version, int major, String database, String controlSchemaVersion) {

        static ServerInfo read(PgConnection database) {
            return TargetDatabase.query(database, "reading the server version of", c -> {
                try (java.sql.Statement s = c.createStatement();
                        java.sql.ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int,"
                                + " split_part(current_setting('server_version'), ' ', 1), current_database(),"
                                + " to_regclass('crm_control.flyway_schema_history') is not null")) {
                    rs.next();
                    String control = rs.getBoolean(4) ? controlVersion(c) : null;
                    return new ServerInfo(
                            rs.getString(2), PgVersion.majorOfServerVersionNum(rs.getInt(1)), rs.getString(3), control);
                }
            });
        }

        private static String controlVersion(java.sql.Connection c) throws java.sql.SQLException {
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("select version from crm_control.flyway_schema_history"
                            + " where success and version is not null order by installed_rank desc limit 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
