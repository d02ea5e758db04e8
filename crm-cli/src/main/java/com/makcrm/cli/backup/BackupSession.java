package com.makcrm.cli.backup;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.config.DatabaseSettings;
import com.makcrm.cli.config.ObjectStores;
import com.makcrm.cli.config.Settings;
import com.makcrm.core.backup.BackupKey;
import com.makcrm.core.backup.ClusterBackups;
import com.makcrm.core.backup.PgConnection;
import com.makcrm.core.backup.PgTools;
import com.makcrm.core.backup.TenantBackups;
import com.makcrm.core.backup.TenantRestores;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * What one backup command works with: the database, the backup repository and the application's object store
 * (where tenants' attachments live), each resolved flag first, then {@code CRM_*} variables, then the config file.
 */
final class BackupSession implements AutoCloseable {

    static final String REPO_ENV = "CRM_BACKUP_REPO";
    static final String REPO_KEY = "backup.repository";
    static final String STORAGE_ENV = ObjectStores.STORAGE_ENV;
    static final String PG_BIN_KEY = "backup.pgBin";

    private final CoreSession core;
    private final ObjectStorage repository;
    private final ObjectStorage appStorage;
    private final TenantBackups backups;
    private final DatabaseSettings database;
    private final PgTools pgTools;

    private BackupSession(
            CoreSession core,
            ObjectStorage repository,
            ObjectStorage appStorage,
            BackupKey key,
            DatabaseSettings database,
            PgTools pgTools) {
        this.core = core;
        this.repository = repository;
        this.appStorage = appStorage;
        this.backups = core == null ? null : new TenantBackups(core.dataSource(), appStorage).withEncryption(key);
        this.database = database;
        this.pgTools = pgTools;
    }

    /** A session without an encryption key: for commands that read manifests only. */
    static BackupSession open(CommandLine.Model.CommandSpec spec, RepositoryOption option, int parallelism) {
        return open(spec, option, null, parallelism);
    }

    /**
     * A session whose backups are encrypted with, and read with, the key {@code keyOption} resolves to (none: plain).
     * The key is loaded first, so a bad key file fails before anything is opened.
     */
    static BackupSession open(
            CommandLine.Model.CommandSpec spec,
            RepositoryOption option,
            EncryptionKeyOption keyOption,
            int parallelism) {
        CrmCommand root = CrmCommand.from(spec);
        Settings settings = root.settings();
        BackupKey key = keyOption == null ? null : keyOption.resolve(settings);
        ObjectStorage repository =
                ObjectStorages.fromUrl(repositoryUrl(settings, option.repo), s3Options(settings, true));
        ObjectStorage appStorage = null;
        CoreSession core = null;
        try {
            appStorage = appStorage(settings);
            core = root.openSession(parallelism);
            return new BackupSession(core, repository, appStorage, key, root.databaseSettings(), pgTools(settings));
        } catch (RuntimeException e) {
            closeQuietly(core, appStorage, repository);
            throw e;
        }
    }

    /**
     * The repository, the object store and the database settings, without connecting to the database: for a cluster
     * restore, which must not create or migrate the configured database (it may be the very target, or gone).
     * {@link #core()} and {@link #backups()} are not available.
     */
    static BackupSession openWithoutDatabase(CommandLine.Model.CommandSpec spec, RepositoryOption option) {
        CrmCommand root = CrmCommand.from(spec);
        Settings settings = root.settings();
        ObjectStorage repository =
                ObjectStorages.fromUrl(repositoryUrl(settings, option.repo), s3Options(settings, true));
        try {
            return new BackupSession(
                    null, repository, appStorage(settings), null, root.databaseSettings(), pgTools(settings));
        } catch (RuntimeException e) {
            closeQuietly(repository);
            throw e;
        }
    }

    static String repositoryUrl(Settings settings, String flag) {
        String fallback = Path.of("")
                .toAbsolutePath()
                .resolve("backups")
                .resolve("repo")
                .toUri()
                .toString();
        return settings.resolve(flag, REPO_ENV, REPO_KEY, fallback);
    }

    private static ObjectStorage appStorage(Settings settings) {
        ObjectStorage storage = ObjectStores.applicationOrNull(settings);
        return storage == null ? new NoObjects() : storage;
    }

    private static PgTools pgTools(Settings settings) {
        String dir = settings.resolve(null, PgTools.ENV, PG_BIN_KEY, null);
        return dir == null || dir.isBlank() ? PgTools.onPath() : new PgTools(Path.of(dir.strip()));
    }

    private static Map<String, String> s3Options(Settings settings, boolean forRepository) {
        return ObjectStores.s3Options(settings, forRepository);
    }

    CoreSession core() {
        return core;
    }

    ObjectStorage repository() {
        return repository;
    }

    TenantBackups backups() {
        if (backups == null) {
            throw new IllegalStateException("this backup session was opened without the database");
        }
        return backups;
    }

    /** Whether this session's tenant backups are encrypted. */
    boolean encrypts() {
        return backups != null && backups.encrypts();
    }

    /** Cluster backups of this run's database, with the application store as the home of objects. */
    ClusterBackups clusterBackups() {
        return new ClusterBackups(connection(database.url()), appStorage, pgTools);
    }

    /** A database on this run's credentials (a URL's own user= and password= parameters win). */
    PgConnection connection(String jdbcUrl) {
        return new PgConnection(jdbcUrl, database.user(), database.password());
    }

    TenantRestores restores() {
        return new TenantRestores(
                core.dataSource(),
                appStorage,
                core.core().tenants(),
                core.core().schemas(),
                backups);
    }

    @Override
    public void close() {
        closeQuietly(core, appStorage, repository);
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                // closing after the work is done: nothing left to protect
            }
        }
    }
}
