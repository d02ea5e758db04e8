package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.Sql;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes, lists and verifies tenant backups in a backup repository (see {@link com.makcrm.core.backup the package}
 * for the format). Nothing here holds a table or an object in memory or in a temporary file: COPY output streams
 * through zstd, optional encryption ({@link #withEncryption}) and SHA-256 straight into the repository.
 */
public final class TenantBackups {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackups.class);
    private final DataSource dataSource;
    private final ObjectStorage objects;
    private final Clock clock;
    private final PartCodec codec;

    /**
     * @param objects the application's object store, where tenants' objects live under {@code tenants/<id>/}; not
     *     closed here
     */
    public TenantBackups(DataSource dataSource, ObjectStorage objects) {
        this(dataSource, objects, Clock.systemUTC());
    }

    TenantBackups(DataSource dataSource, ObjectStorage objects, Clock clock) {
        this(dataSource, objects, clock, PartCodec.plain());
    }

    private TenantBackups(DataSource dataSource, ObjectStorage objects, Clock clock, PartCodec codec) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * These backups with an encryption key: new backups are encrypted with it, and encrypted backups written with it
     * can be read. Null: no encryption (encrypted backups then cannot be read).
     */
    /** Whether {@link #create} encrypts. */
    public boolean encrypts() {
        return codec.key() != null;
    }

    public TenantBackups withEncryption(BackupKey key) {
        return new TenantBackups(
                dataSource, objects, clock, key == null ? PartCodec.plain() : PartCodec.encrypted(key));
    }

    public BackupManifest create(Tenant tenant, ObjectStorage repository) {
        return create(tenant, repository, BackupListener.NONE);
    }

    /**
     * Backs up one tenant: its schema as one snapshot, then its objects, then the manifest. CONFLICT when a backup
     * of the tenant is already running. A failure removes the parts written so far; in any case a backup without
     * manifest does not count as one.
     */
    public BackupManifest create(Tenant tenant, ObjectStorage repository, BackupListener listener) {
        try (AdvisoryLock ignored = BackupLock.acquire(dataSource, tenant.id(), tenant.slug())) {
            UUID backupId = UuidV7.next();
            try {
                return write(backupId, tenant, repository, listener);
            } catch (RuntimeException e) {
                removeParts(repository, backupId);
                throw e;
            }
        }
    }

    private BackupManifest write(UUID backupId, Tenant tenant, ObjectStorage repository, BackupListener listener) {
        Instant started = clock.instant();
        List<TablePart> tables = snapshot(backupId, tenant, repository, listener);
        List<ObjectEntry> stored =
                new ObjectArchive(TenantStorage.of(objects, tenant.id()), repository, codec).storeAll(listener);
        BackupManifest manifest = new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                backupId,
                BackupManifest.Kind.TENANT,
                tenant.id(),
                tenant.slug(),
                tenant.schemaVersion(),
                started,
                clock.instant(),
                ToolVersion.current(),
                tables,
                stored,
                null,
                codec.encryption());
        repository.put(RepositoryLayout.manifest(backupId), ManifestJson.write(manifest), "application/json");
        LOG.info(
                "backup {} of tenant {}: {} tables, {} objects{}",
                backupId,
                tenant.slug(),
                tables.size(),
                stored.size(),
                codec.key() == null ? "" : ", encrypted with key " + codec.key().id());
        return manifest;
    }

    private List<TablePart> snapshot(UUID backupId, Tenant tenant, ObjectStorage repository, BackupListener listener) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SchemaSnapshot snapshot = new SchemaSnapshot(c, tenant.schemaName());
                List<TablePart> parts = new ArrayList<>();
                List<String> tables = snapshot.tables();
                listener.started(snapshot.estimatedBytes());
                long[] read = {0};
                for (String table : tables) {
                    TablePart part = snapshot.store(table, data -> {
                        ProgressInputStream counted =
                                new ProgressInputStream(data, read[0], bytes -> listener.bytesRead(table, bytes));
                        SchemaSnapshot.PartWriter.Stored stored = storePart(repository, backupId, table, counted);
                        read[0] = counted.count();
                        return stored;
                    });
                    parts.add(part);
                    listener.tableStored(part);
                }
                return parts;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.translate("reading the schema of tenant " + tenant.slug(), e, "the tenant database");
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.TENANT_STREAM_FAILED,
                    Map.of("slug", tenant.slug(), "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }

    private SchemaSnapshot.PartWriter.Stored storePart(
            ObjectStorage repository, UUID backupId, String table, InputStream data) throws IOException {
        String key = RepositoryLayout.tablePart(backupId, table);
        try (InputStream encoded = codec.encode(data, key)) {
            DigestingInputStream part = new DigestingInputStream(encoded);
            repository.put(key, part, codec.partType());
            return new SchemaSnapshot.PartWriter.Stored(part.count(), part.sha256Hex());
        }
    }

    private static void removeParts(ObjectStorage repository, UUID backupId) {
        try (Stream<ObjectSummary> parts = repository.list(RepositoryLayout.backupPrefix(backupId))) {
            parts.forEach(part -> repository.delete(part.key()));
        } catch (RuntimeException e) {
            LOG.warn("could not remove the parts of failed backup {}: {}", backupId, e.getMessage());
        }
    }

    /** The backups in the repository, oldest first; a backup without a manifest is not one. */
    public List<BackupManifest> list(ObjectStorage repository) {
        List<BackupManifest> manifests = new ArrayList<>();
        try (Stream<ObjectSummary> keys = repository.list(RepositoryLayout.BACKUPS)) {
            keys.map(summary -> RepositoryLayout.backupIdOfManifest(summary.key()))
                    .filter(Objects::nonNull)
                    .forEach(id -> ManifestJson.find(repository, id).ifPresent(manifests::add));
        }
        manifests.sort(Comparator.comparing(BackupManifest::started).thenComparing(BackupManifest::backupId));
        return manifests;
    }

    /** The manifest of one backup; NOT_FOUND when it does not exist or never completed. */
    public BackupManifest manifest(ObjectStorage repository, UUID backupId) {
        return ManifestJson.require(repository, backupId);
    }

    /**
     * Reads back every table part and object of a backup and checks sizes, SHA-256 and that each part decrypts and
     * decompresses whole. Damage is reported per part in {@link VerifyReport#problems()}; NOT_FOUND when the backup
     * has no manifest. An encrypted backup needs its key: without it, or with another, a KEY failure before anything
     * is read.
     */
    public VerifyReport verify(ObjectStorage repository, UUID backupId) {
        BackupManifest manifest = manifest(repository, backupId);
        return new BackupVerifier(repository, codecFor(manifest)).verify(manifest);
    }

    /**
     * How this backup's parts and objects are to be read: plain when it is not encrypted (whatever key is
     * configured), else with the configured key. A KEY failure when the backup is encrypted and no key, or a key of
     * another id, is configured.
     */
    PartCodec codecFor(BackupManifest manifest) {
        BackupManifest.Encryption encryption = manifest.encryption();
        if (encryption == null) {
            return PartCodec.plain();
        }
        if (!PartCodec.ALGORITHM.equals(encryption.algorithm())) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_UNKNOWN_ALGORITHM,
                    Map.of(
                            "id", String.valueOf(manifest.backupId()),
                            "algorithm", String.valueOf(encryption.algorithm()),
                            "known", PartCodec.ALGORITHM));
        }
        BackupKey key = codec.key();
        if (key == null) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_REQUIRED,
                    Map.of("id", String.valueOf(manifest.backupId()), "keyId", String.valueOf(encryption.keyId())));
        }
        if (!key.id().equals(encryption.keyId())) {
            throw new BackupFailure(
                    BackupFailure.Kind.KEY,
                    BackupMessages.KEY_MISMATCH,
                    Map.of(
                            "id", String.valueOf(manifest.backupId()),
                            "keyId", String.valueOf(encryption.keyId()),
                            "givenKeyId", String.valueOf(key.id())));
        }
        return codec;
    }
}
