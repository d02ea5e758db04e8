package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes, lists and verifies tenant backups in a backup repository (see {@link com.makcrm.core.backup the package}
 * for the format). Nothing here holds a table or an object in memory or in a temporary file: COPY output streams
 * through zstd and SHA-256 straight into the repository.
 */
public final class TenantBackups {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackups.class);
    private static final String PART_TYPE = "application/zstd";

    private final DataSource dataSource;
    private final ObjectStorage objects;
    private final Clock clock;

    /**
     * @param objects the application's object store, where tenants' objects live under {@code tenants/<id>/}; not
     *     closed here
     */
    public TenantBackups(DataSource dataSource, ObjectStorage objects) {
        this(dataSource, objects, Clock.systemUTC());
    }

    TenantBackups(DataSource dataSource, ObjectStorage objects, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.clock = Objects.requireNonNull(clock, "clock");
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
                new ObjectArchive(TenantStorage.of(objects, tenant.id()), repository).storeAll(listener);
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
                null);
        repository.put(RepositoryLayout.manifest(backupId), ManifestJson.write(manifest), "application/json");
        LOG.info(
                "backup {} of tenant {}: {} tables, {} objects", backupId, tenant.slug(), tables.size(), stored.size());
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
            throw CrmException.unavailable(
                    "could not stream the data of tenant " + tenant.slug() + ": " + e.getMessage(), e);
        }
    }

    private static SchemaSnapshot.PartWriter.Stored storePart(
            ObjectStorage repository, UUID backupId, String table, InputStream data) throws IOException {
        try (InputStream compressed = PartCodec.DEFAULT.encode(data)) {
            DigestingInputStream part = new DigestingInputStream(compressed);
            repository.put(RepositoryLayout.tablePart(backupId, table), part, PART_TYPE);
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
                    .forEach(id -> find(repository, id).ifPresent(manifests::add));
        }
        manifests.sort(Comparator.comparing(BackupManifest::started).thenComparing(BackupManifest::backupId));
        return manifests;
    }

    /** The manifest of one backup; NOT_FOUND when it does not exist or never completed. */
    public BackupManifest manifest(ObjectStorage repository, UUID backupId) {
        return find(repository, backupId)
                .orElseThrow(() -> CrmException.notFound(
                        "backup " + backupId + " not found in the repository, or incomplete (it has no manifest)"));
    }

    /**
     * Reads back every table part and object of a backup and checks sizes, SHA-256 and that each part decompresses
     * whole. Damage is reported per part in {@link VerifyReport#problems()}; NOT_FOUND when the backup has no
     * manifest.
     */
    public VerifyReport verify(ObjectStorage repository, UUID backupId) {
        return new BackupVerifier(repository).verify(manifest(repository, backupId));
    }

    /** How this backup's parts and objects are to be read. */
    PartCodec codecFor(BackupManifest manifest) {
        return PartCodec.DEFAULT;
    }

    private static Optional<BackupManifest> find(ObjectStorage repository, UUID backupId) {
        String key = RepositoryLayout.manifest(backupId);
        Optional<StoredObject> stat = repository.stat(key);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        try (StoredObjectStream in = repository.get(key)) {
            return Optional.of(ManifestJson.read(in, key));
        } catch (IOException e) {
            throw CrmException.unavailable("could not read manifest '" + key + "': " + e.getMessage(), e);
        }
    }
}
