package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupFailure.Kind;
import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.schema.SchemaMigrator;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.RestoreRequest;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores tenant backups, and drills them: a drill loads a backup into a scratch schema, compares every table
 * with the manifest, and drops the schema again.
 *
 * <p>A restore never touches the live tenant until its data is loaded and checked: the backup is loaded into a
 * staging schema created at the backup's schema version, every part checked against the manifest as it streams,
 * foreign keys rebuilt (which checks references), the schema migrated forward to this build's version, the
 * tenant's objects copied back, and only then swapped in (see {@link TenantService#restore}).
 */
public final class TenantRestores {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRestores.class);

    private final DataSource dataSource;
    private final ObjectStorage objects;
    private final TenantService tenants;
    private final SchemaMigrator migrator;
    private final TenantBackups backups;
    private final Clock clock;

    /**
     * @param objects the application's object store, where tenants' objects live under {@code tenants/<id>/}
     * @param backups reads manifests and decides how a backup's parts decode (e.g. with which key)
     */
    public TenantRestores(
            DataSource dataSource,
            ObjectStorage objects,
            TenantService tenants,
            SchemaMigrator migrator,
            TenantBackups backups) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.clock = Clock.systemUTC();
    }

    /**
     * How to restore.
     *
     * @param tenant when set, the slug the backup's tenant must have (a guard against restoring the wrong backup)
     * @param asSlug restore as a new tenant with this slug
     * @param force replace an existing tenant's data
     * @param actor who restores, for the operation log
     * @param jobs connections used at once to load tables and build indexes (at least 1)
     */
    public record Options(String tenant, String asSlug, boolean force, String actor, int jobs) {

        /** One connection at a time. */
        public Options(String tenant, String asSlug, boolean force, String actor) {
            this(tenant, asSlug, force, actor, 1);
        }
    }

    /**
     * @param fromVersion the backup's schema version
     * @param toVersion the version the restored schema was migrated to
     */
    public record Result(
            Tenant tenant,
            UUID backupId,
            String fromVersion,
            String toVersion,
            long rows,
            long bytes,
            int objects,
            int objectsCopied,
            int objectsRemoved,
            Duration duration) {}

    public Result restore(ObjectStorage repository, UUID backupId, Options options, RestoreListener listener) {
        Instant started = clock.instant();
        BackupManifest manifest = backups.manifest(repository, backupId);
        checkRestorable(manifest, options);
        PartCodec codec = backups.codecFor(manifest); // a key problem shows before anything is touched
        String latest = migrator.latestTenantVersion();
        String[] toVersion = {null};
        int[] copied = {0};
        RestoreRequest request = new RestoreRequest(
                manifest.tenantId(),
                manifest.tenantSlug(),
                options.asSlug(),
                options.force(),
                options.actor(),
                "backup " + backupId + " (schema version " + manifest.schemaVersion() + ")");
        Tenant restored = tenants.restore(request, (target, staging) -> {
            migrator.provisionTenantAt(staging, manifest.schemaVersion());
            new StagingLoad(dataSource, repository, codec, manifest, listener).load(staging, options.jobs());
            if (!Objects.equals(manifest.schemaVersion(), latest)) {
                listener.phase("migrating from schema version " + manifest.schemaVersion() + " to " + latest);
            }
            toVersion[0] = migrator.migrateTenant(staging).toVersion();
            listener.phase("restoring " + manifest.objects().size() + " objects");
            copied[0] = restoreObjects(repository, codec, manifest, target.id(), listener);
            listener.phase("swapping in the restored schema");
            return toVersion[0];
        });
        int removed = removeObjectsNewerThanTheBackup(manifest, restored, started, listener);
        long rows = manifest.totalRows();
        long bytes = manifest.dataBytes();
        return new Result(
                restored,
                backupId,
                manifest.schemaVersion(),
                toVersion[0],
                rows,
                bytes,
                manifest.objects().size(),
                copied[0],
                removed,
                Duration.between(started, clock.instant()));
    }

    /**
     * After the swap, the tenant's objects that the backup does not have (attachments added after it, whose rows the
     * restore just replaced) are orphans: they are removed, so the store matches the restored data. Only objects
     * older than the restore are touched, never one written while it ran. The restore has succeeded by now, so a
     * failure here is logged and leaves the orphans for the next restore, not an error; answers how many went.
     */
    private int removeObjectsNewerThanTheBackup(
            BackupManifest manifest, Tenant tenant, Instant restoreStarted, RestoreListener listener) {
        UUID tenantId = tenant.id();
        Set<String> kept = new HashSet<>();
        manifest.objects().forEach(entry -> kept.add(entry.key()));
        TenantStorage store = TenantStorage.of(objects, tenantId);
        try {
            // and whatever the restored schema refers to now, in case an upload came in right after the swap
            kept.addAll(storageKeys(tenant.schemaName()));
            List<String> orphans;
            try (Stream<ObjectSummary> listed = store.list("")) {
                orphans = listed.filter(o -> !kept.contains(o.key()))
                        .filter(o ->
                                o.lastModified() != null && o.lastModified().isBefore(restoreStarted))
                        .map(ObjectSummary::key)
                        .toList();
            }
            if (!orphans.isEmpty()) {
                listener.phase("removing " + orphans.size() + " objects added after the backup");
            }
            orphans.forEach(store::delete);
            return orphans.size();
        } catch (RuntimeException e) {
            LOG.warn(
                    "tenant {} is restored, but objects added after backup {} could not be removed: {}",
                    tenantId,
                    manifest.backupId(),
                    e.getMessage());
            return 0;
        }
    }

    private void checkRestorable(BackupManifest manifest, Options options) {
        if (manifest.kind() != BackupManifest.Kind.TENANT) {
            throw CrmException.invalid(
                    BackupMessages.NOT_TENANT_BACKUP,
                    Map.of("id", String.valueOf(manifest.backupId()), "kind", String.valueOf(manifest.kind())));
        }
        if (options.tenant() != null && !options.tenant().equals(manifest.tenantSlug())) {
            throw CrmException.invalid(
                    BackupMessages.WRONG_TENANT,
                    Map.of(
                            "id", String.valueOf(manifest.backupId()),
                            "slug", String.valueOf(manifest.tenantSlug()),
                            "tenant", options.tenant()));
        }
        if (options.asSlug() != null && options.force()) {
            throw CrmException.invalid(BackupMessages.FORCE_WITH_AS, Map.of());
        }
    }

    /** The object keys the attachment rows of {@code schema} name. */
    private List<String> storageKeys(String schema) {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select storage_key from " + Sql.quoteIdentifier(schema) + ".attachment")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            return keys;
        } catch (SQLException e) {
            throw Sql.translate("reading the attachments of " + schema, e, "the tenant database");
        }
    }

    /** Copies the backup's objects into the target tenant's part of the store; answers how many were copied. */
    private int restoreObjects(
            ObjectStorage repository, PartCodec codec, BackupManifest manifest, UUID tenantId, RestoreListener l) {
        TenantStorage target = TenantStorage.of(objects, tenantId);
        int copied = 0;
        for (ObjectEntry entry : manifest.objects()) {
            Optional<StoredObject> there = target.stat(entry.key());
            if (there.isPresent()
                    && there.get().size() == entry.size()
                    && (there.get().sha256Hex() == null
                            || there.get().sha256Hex().equals(entry.sha256()))) {
                l.objectRestored(entry.key(), false);
                continue;
            }
            copyObject(repository, codec, manifest, entry, target);
            copied++;
            l.objectRestored(entry.key(), true);
        }
        return copied;
    }

    private static void copyObject(
            ObjectStorage repository, PartCodec codec, BackupManifest manifest, ObjectEntry entry, ObjectStorage to) {
        String key = codec.objectKey(entry.sha256());
        try (StoredObjectStream in = repository.get(key)) {
            DigestingInputStream content = new DigestingInputStream(codec.decodeObject(in, key));
            to.put(entry.key(), content, entry.size(), in.object().contentType());
            if (!entry.sha256().equals(content.sha256Hex()) || content.count() != entry.size()) {
                to.delete(entry.key());
                throw new BackupFailure(
                        Kind.DAMAGED,
                        BackupMessages.RESTORE_OBJECT_DAMAGED,
                        Map.of(
                                "id", String.valueOf(manifest.backupId()),
                                "object", entry.key(),
                                "key", key,
                                "sha256", String.valueOf(entry.sha256())));
            }
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.OBJECT_CLOSE_FAILED,
                    Map.of("key", key, "reason", String.valueOf(e.getMessage())),
                    e);
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND && !(e instanceof BackupFailure)) {
                throw new BackupFailure(
                        Kind.DAMAGED,
                        BackupMessages.RESTORE_OBJECT_DAMAGED,
                        Map.of(
                                "id",
                                String.valueOf(manifest.backupId()),
                                "object",
                                entry.key(),
                                "key",
                                key,
                                "sha256",
                                "none"),
                        e);
            }
            throw e;
        }
    }

    /**
     * What a drill found.
     *
     * @param problems one line per table whose rows or checksum differ from the manifest; empty when sound
     */
    public record DrillResult(
            UUID backupId,
            String schemaVersion,
            int tables,
            long rows,
            long bytes,
            List<String> problems,
            Duration duration) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Restores a backup into a scratch schema without touching any tenant, re-reads every table with the query the
     * backup used and compares rows and content SHA-256 with the manifest, then drops the schema. A part that does
     * not load is a {@link BackupFailure} like in a restore.
     */
    public DrillResult drill(ObjectStorage repository, UUID backupId, RestoreListener listener) {
        return drill(repository, backupId, 1, listener);
    }

    /** {@link #drill(ObjectStorage, UUID, RestoreListener)} on up to {@code jobs} connections at once. */
    public DrillResult drill(ObjectStorage repository, UUID backupId, int jobs, RestoreListener listener) {
        Instant started = clock.instant();
        BackupManifest manifest = backups.manifest(repository, backupId);
        checkRestorable(manifest, new Options(null, null, false, "drill"));
        PartCodec codec = backups.codecFor(manifest);
        String scratch = "d_" + backupId.toString().replace("-", "");
        dropSchema(scratch);
        try {
            migrator.provisionTenantAt(scratch, manifest.schemaVersion());
            new StagingLoad(dataSource, repository, codec, manifest, listener).load(scratch, jobs);
            listener.phase("comparing tables with the manifest");
            List<String> problems = compare(scratch, manifest);
            long rows = manifest.totalRows();
            long bytes = manifest.dataBytes();
            LOG.info("drill of backup {}: {}", backupId, problems.isEmpty() ? "sound" : problems);
            return new DrillResult(
                    backupId,
                    manifest.schemaVersion(),
                    manifest.tables().size(),
                    rows,
                    bytes,
                    problems,
                    Duration.between(started, clock.instant()));
        } finally {
            dropSchema(scratch);
        }
    }

    private List<String> compare(String schema, BackupManifest manifest) {
        Map<String, TablePart> expected = new HashMap<>();
        manifest.tables().forEach(t -> expected.put(t.name(), t));
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SchemaSnapshot snapshot = new SchemaSnapshot(c, schema);
                for (String table : snapshot.tables()) {
                    TablePart reread = snapshot.store(table, data -> {
                        data.transferTo(java.io.OutputStream.nullOutputStream());
                        return new SchemaSnapshot.PartWriter.Stored(0, "");
                    });
                    TablePart want = expected.get(table);
                    if (want == null) {
                        problems.add(table + ": not in the backup");
                    } else if (want.rows() != reread.rows()) {
                        problems.add(table + ": " + reread.rows() + " rows restored, the manifest says " + want.rows());
                    } else if (!want.dataSha256().equals(reread.dataSha256())) {
                        problems.add(table + ": content SHA-256 " + reread.dataSha256() + " after restore, the"
                                + " manifest says " + want.dataSha256());
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.translate("comparing the drill schema " + schema, e, "the database");
        } catch (IOException e) {
            throw Failures.unavailable(BackupMessages.DRILL_READ_FAILED, Map.of("schema", schema), e);
        }
        return problems;
    }

    private void dropSchema(String schema) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SchemaSnapshot.quote(schema) + " cascade");
        } catch (SQLException e) {
            throw Sql.translate("dropping the drill schema " + schema, e, "the database");
        }
    }
}
