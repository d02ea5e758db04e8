package com.makcrm.core.i18n;

/**
 * Errors of backups, restores and retention policies, as a {@code crm backup} or {@code crm restore} run shows them
 * in its {@code ERROR:} line. English sources equal the texts these errors carried before they were translatable,
 * so English output does not change.
 */
public final class BackupMessages {

    private BackupMessages() {}

    private static final String ID = " {id}: the backup id (a UUID).";
    private static final String KEY = " {key}: the object key in the backup repository, untranslated.";
    private static final String REASON = " {reason}: the underlying error, in English.";
    private static final String FILE = " {file}: the file path.";
    private static final String TOOL = " {tool}: the program name (pg_dump, pg_restore), untranslated.";
    private static final String FILE_PREFIX = "{file, select, none {} other {policy file {file}: }}";
    private static final String NODE = "{kind, select, mapping {a mapping} list {a list} empty {an empty value}"
            + " string {''{value}''} other {{value}}}";
    private static final String NODE_HINT = " {kind}: what was found, a keyword (keep the keywords, translate each"
            + " branch); {value}: the value found, as written in the file.";

    // encryption keys

    public static final Message KEY_FORMAT = new Message(
            "backup.key.format",
            "{file, select, none {} other {encryption key file {file}: }}an encryption key must be {length} bytes"
                    + " in base64 on one line{actual, select, none {} other { (this one has {actual} bytes)}}",
            "Backup error: an encryption key is malformed. {file}: the key file's path, or none when the key was"
                    + " not read from a file; {length}: the bytes a key has (32); {actual}: the bytes this one has, or"
                    + " none when it is not base64 at all.");
    public static final Message KEY_FILE_TOO_LARGE = new Message(
            "backup.key.fileTooLarge",
            "encryption key file {file} is too large to be a key file",
            "Backup error: the file given as the encryption key is far too large." + FILE);
    public static final Message KEY_FILE_UNREADABLE = new Message(
            "backup.key.fileUnreadable",
            "cannot read encryption key file {file}: {reason}",
            "Backup error." + FILE + REASON);
    public static final Message KEY_UNKNOWN_ALGORITHM = new Message(
            "backup.key.unknownAlgorithm",
            "backup {id} is encrypted with {algorithm}, which this version of crm does not know (it knows {known})",
            "Restore error." + ID + " {algorithm}, {known}: encryption algorithm names, untranslated.");
    public static final Message KEY_REQUIRED = new Message(
            "backup.key.required",
            "backup {id} is encrypted with key id {keyId}; pass --encryption-key-file or"
                    + " CRM_BACKUP_ENCRYPTION_KEY_FILE",
            "Restore error: the backup is encrypted and no key was given." + ID
                    + " {keyId}: the key's short id. The option and variable names stay untranslated.");
    public static final Message KEY_MISMATCH = new Message(
            "backup.key.mismatch",
            "backup {id} was encrypted with key id {keyId}, the key given has id {givenKeyId}",
            "Restore error: the wrong encryption key was given." + ID + " {keyId}, {givenKeyId}: short key ids.");

    // repository and manifests

    public static final Message NOT_FOUND = new Message(
            "backup.notFound",
            "backup {id} not found in the repository, or incomplete (it has no manifest)",
            "Backup error: no such backup. A manifest is the file describing a completed backup." + ID);
    public static final Message MANIFEST_UNREADABLE = new Message(
            "backup.manifest.unreadable",
            "could not read manifest ''{key}'': {reason}",
            "Backup error: the backup repository cannot be read." + KEY + REASON);
    public static final Message MANIFEST_FORMAT = new Message(
            "backup.manifest.format",
            "manifest ''{key}'' has format version {version}; this version of crm reads format {supported}",
            "Backup error: the backup was written by another version of crm." + KEY
                    + " {version}, {supported}: format version numbers.");
    public static final Message MANIFEST_INVALID = new Message(
            "backup.manifest.invalid",
            "manifest ''{key}'' is not a valid backup manifest: {reason}",
            "Backup error: the file describing a backup is corrupt." + KEY + REASON);
    public static final Message REPOSITORY_READ_FAILED = new Message(
            "backup.repository.readFailed",
            "could not read {key} from the repository: {reason}",
            "Restore error: reading the backup repository failed." + KEY + REASON);
    public static final Message VERIFICATION_RECORD_UNREADABLE = new Message(
            "backup.verificationRecord.unreadable",
            "could not read verification record ''{key}'': {reason}",
            "Backup error: the record of an earlier backup check cannot be read." + KEY + REASON);
    public static final Message CLUSTER_LOCK_BUSY = new Message(
            "backup.clusterLockBusy",
            "a cluster backup of {database} is already running; retry when it has finished",
            "Backup error: a second whole-database backup was started while one runs. {database}: host:port/name of"
                    + " the database, untranslated.");
    public static final Message LOCK_BUSY = new Message(
            "backup.lockBusy",
            "a backup of tenant ''{slug}'' is already running; retry when it has finished",
            "Backup error. {slug}: the tenant's short name, untranslated.");

    // objects (files attached to records)

    public static final Message OBJECT_VANISHED = new Message(
            "backup.object.vanished",
            "object ''{key}'' vanished",
            "Backup error: a stored file was deleted while the backup ran. {key}: its key, untranslated.");
    public static final Message OBJECT_CHANGED = new Message(
            "backup.object.changed",
            "object ''{key}'' changed while it was being backed up (expected SHA-256 {sha256}); run the backup again",
            "Backup error. {key}: the stored file's key, untranslated; {sha256}: a checksum.");
    public static final Message OBJECT_COPY_FAILED = new Message(
            "backup.object.copyFailed",
            "could not copy object ''{key}'': {reason}",
            "Backup error. {key}: the stored file's key, untranslated." + REASON);
    public static final Message OBJECT_HASH_FAILED = new Message(
            "backup.object.hashFailed",
            "could not read object ''{key}'' to hash it: {reason}",
            "Backup error: a stored file could not be read to compute its checksum. {key}: its key." + REASON);
    public static final Message OBJECT_CLOSE_FAILED = new Message(
            "backup.object.closeFailed", "could not close object {key}: {reason}", "Restore error." + KEY + REASON);

    // PostgreSQL tools

    public static final Message TOOL_NOT_FOUND = new Message(
            "backup.tool.notFound",
            "{tool} not found in {where} ({reason}): install the PostgreSQL client tools, or set {env} to the"
                    + " directory holding {tool}",
            "Backup error: a PostgreSQL program is missing." + TOOL + " {where}: where it was looked for (a"
                    + " directory or PATH);" + REASON + " {env}: an environment variable name, untranslated.");
    public static final Message TOOL_VERSION_FAILED = new Message(
            "backup.tool.versionFailed",
            "{tool} --version failed with exit code {exit}: {stderr} (tool from {where})",
            "Backup error." + TOOL + " {exit}: the exit code; {stderr}: what it printed, untranslated; {where}: its"
                    + " directory or PATH.");
    public static final Message TOOL_RUN_FAILED =
            new Message("backup.tool.runFailed", "could not run {tool}: {reason}", "Backup error." + TOOL + REASON);
    public static final Message TOOL_INTERRUPTED = new Message(
            "backup.tool.interrupted",
            "{tool} was interrupted",
            "Backup error: the program was stopped before it finished." + TOOL);
    public static final Message TOOL_NO_VERSION = new Message(
            "backup.tool.noVersion",
            "{tool} --version printed no PostgreSQL version (got ''{output}''): install the PostgreSQL client tools"
                    + " (PATH or {env})",
            "Backup error: the program found is not a PostgreSQL tool." + TOOL
                    + " {output}: the first line it printed; {env}: an environment variable name, untranslated.");
    public static final Message PG_DUMP_TOO_OLD = new Message(
            "backup.tool.pgDumpTooOld",
            "pg_dump {version} cannot dump server {serverVersion}: install pg_dump {needed} or newer (PATH or {env})",
            "Backup error: the pg_dump program is older than the database server. {version}, {serverVersion},"
                    + " {needed}: PostgreSQL versions; {env}: an environment variable name, untranslated.");
    public static final Message PG_RESTORE_TOO_OLD = new Message(
            "backup.tool.pgRestoreTooOld",
            "pg_restore {version} cannot read a dump written by pg_dump {dumpVersion}: install pg_restore {needed}"
                    + " or newer (PATH or {env})",
            "Restore error: the pg_restore program is older than the pg_dump that wrote the backup. {version},"
                    + " {dumpVersion}, {needed}: PostgreSQL versions; {env}: an environment variable name.");
    public static final Message PG_DUMP_FAILED = new Message(
            "backup.pgDumpFailed",
            "pg_dump of database {database} failed with exit code {exit}: {stderr, select, none {(it printed"
                    + " nothing)} other {{stderr}}}",
            "Backup error. {database}: the database, untranslated; {exit}: the exit code; {stderr}: what pg_dump"
                    + " printed, untranslated (none when nothing).");
    public static final Message PG_RESTORE_FAILED = new Message(
            "backup.pgRestoreFailed",
            "pg_restore into {target} failed with exit code {exit} (nothing was restored: it runs in one"
                    + " transaction): {stderr, select, none {(it printed nothing)} other {{stderr}}}",
            "Restore error. {target}: the database, untranslated; {exit}: the exit code; {stderr}: what pg_restore"
                    + " printed, untranslated (none when nothing).");

    // cluster backups

    public static final Message NOT_CLUSTER_BACKUP = new Message(
            "backup.notClusterBackup",
            "backup {id} is a {kind} backup, not a cluster backup: it restores into a tenant, not into a database",
            "Restore error." + ID + " {kind}: the backup's kind, an untranslated keyword (e.g. TENANT).");
    public static final Message CLUSTER_PART_DAMAGED = new Message(
            "backup.cluster.partDamaged",
            "part {part} ({key}) of backup {id} is damaged: {bytes} bytes with SHA-256 {sha256}, the manifest says"
                    + " {expectedBytes} bytes with SHA-256 {expectedSha256}; the target database was left as it was",
            "Restore error: a backup file fails its checksum. {part}: the part's name, untranslated;" + KEY + ID
                    + " {bytes}, {expectedBytes}: sizes; {sha256}, {expectedSha256}: checksums.");
    public static final Message CLUSTER_OBJECT_DAMAGED = new Message(
            "backup.cluster.objectDamaged",
            "object {object} ({key}) of backup {id} is damaged: {bytes} bytes with SHA-256 {sha256}, the manifest"
                    + " says {expectedBytes} bytes with SHA-256 {expectedSha256}",
            "Restore error: a stored file in the backup fails its checksum. {object}: the file's key;" + KEY + ID
                    + " {bytes}, {expectedBytes}: sizes; {sha256}, {expectedSha256}: checksums.");
    public static final Message PART_MISSING = new Message(
            "backup.partMissing",
            "{object, select, none {{part}} other {object {object}}} is missing from the repository ({key})",
            "Restore error: a file of the backup is gone. {part}: the part's name, untranslated; {object}: the"
                    + " stored file's key, or none when a part is missing;" + KEY);
    public static final Message TARGET_NOT_EMPTY = new Message(
            "backup.targetNotEmpty",
            "target database {target} is not empty (it has {names}{more, plural, =0 {} one { and # more} other { and # more}}): a"
                    + " cluster backup restores only into an empty database; create a new one (createdb) or name one"
                    + " that does not exist yet",
            "Restore error. {target}: the database, untranslated; {names}: some of the schemas or tables it has;"
                    + " {more}: how many more there are.");

    // tenant backups and restores

    public static final Message TENANT_STREAM_FAILED = new Message(
            "backup.tenant.streamFailed",
            "could not stream the data of tenant {slug}: {reason}",
            "Backup error. {slug}: the tenant's short name, untranslated;" + REASON);
    public static final Message NOT_TENANT_BACKUP = new Message(
            "backup.notTenantBackup",
            "backup {id} is a {kind} backup, not a tenant backup",
            "Restore error." + ID + " {kind}: the backup's kind, an untranslated keyword (e.g. CLUSTER).");
    public static final Message WRONG_TENANT = new Message(
            "backup.wrongTenant",
            "backup {id} is of tenant ''{slug}'', not ''{tenant}''; to put its data into a new tenant use --as"
                    + " NEW-SLUG",
            "Restore error." + ID
                    + " {slug}, {tenant}: tenants' short names. --as NEW-SLUG is an option, untranslated.");
    public static final Message FORCE_WITH_AS = new Message(
            "backup.forceWithAs",
            "--force replaces an existing tenant''s data; --as creates a new tenant: use one or the other",
            "Restore error: two options that exclude each other. The option names stay untranslated.");
    public static final Message RESTORE_OBJECT_DAMAGED = new Message(
            "backup.restore.objectDamaged",
            "backup {id} is damaged: object {object} ({key}) {sha256, select, none {is missing from the repository}"
                    + " other {does not match its SHA-256 {sha256}}}",
            "Restore error." + ID + " {object}: the stored file's key;" + KEY
                    + " {sha256}: the checksum, or none when the file is missing.");
    public static final Message TABLE_PART_DAMAGED = new Message(
            "backup.restore.tablePartDamaged",
            "backup {id} is damaged: the part of table {table} ({key}) {problem, select, decode {does not decode"
                    + " ({reason})} checksum {fails its SHA-256 check (PostgreSQL refused its content: {reason})}"
                    + " unreadable {cannot be read ({reason})} missing {is missing from the repository} other {{what,"
                    + " select, size {size} sha256 {SHA-256} uncompressedSize {uncompressed size} uncompressedSha256"
                    + " {uncompressed SHA-256} rows {row count} other {{what}}} is {actual}, the manifest says"
                    + " {expected}}}; nothing was changed",
            "Restore error." + ID + " {table}: the table, untranslated;" + KEY + " {problem}: what is wrong, a"
                    + " keyword (keep the keywords, translate each branch);" + REASON + " {what}: the value checked, a"
                    + " keyword; {actual}, {expected}: the values found and expected.");
    public static final Message SCHEMA_MISMATCH = new Message(
            "backup.restore.schemaMismatch",
            "backup {id} does not match schema version {version} of this build: tables only in the backup"
                    + " {missing}, only in the schema {extra}",
            "Restore error." + ID + " {version}: a schema version; {missing}, {extra}: lists of table names.");
    public static final Message RESTORE_INTERRUPTED = new Message(
            "backup.restore.interrupted", "interrupted while restoring", "Restore error: the restore was stopped.");
    public static final Message DRILL_READ_FAILED = new Message(
            "backup.drill.readFailed",
            "could not read back the drill schema {schema}",
            "Restore-drill error: a test restore's schema cannot be compared. {schema}: its name, untranslated.");

    // retention policies

    public static final Message POLICY_MISSING = new Message(
            "backup.policy.missing",
            "policy file {file} does not exist",
            "Prune error: the backup retention policy file is missing." + FILE);
    public static final Message POLICY_UNREADABLE = new Message(
            "backup.policy.unreadable",
            "policy file {file} cannot be read: {reason}",
            "Prune error: the backup retention policy file." + FILE + REASON);
    public static final Message POLICY_NOT_YAML = new Message(
            "backup.policy.notYaml",
            "policy file {file} is not valid YAML: {reason}",
            "Prune error: the backup retention policy file." + FILE + " {reason}: the parser's explanation, in"
                    + " English.");
    public static final Message POLICY_GRACE_TOO_SHORT = new Message(
            "backup.policy.graceTooShort",
            FILE_PREFIX + "{key} must be at least 1h (got {grace}): a backup still running must never lose its"
                    + " objects",
            "Prune error in a backup retention policy. {file}: the policy file, or none; {key}: the setting's name,"
                    + " untranslated; {grace}: the duration set (e.g. PT30M).");
    public static final Message POLICY_KEEPS_NOTHING = new Message(
            "backup.policy.keepsNothing",
            FILE_PREFIX + "{scope, select, policy {the policy} tenant {the rules of tenant ''{tenant}''} other {the"
                    + " rules for cluster backups}} keeps nothing: set at least one of {keys} above 0 (to delete all"
                    + " backups, delete them, not by policy)",
            "Prune error in a backup retention policy: it would delete every backup. {file}: the policy file, or"
                    + " none; {scope}: which rules, a keyword (keep the keywords); {tenant}: a tenant's short name;"
                    + " {keys}: setting names, untranslated.");
    public static final Message POLICY_NOT_MAPPING = new Message(
            "backup.policy.notMapping",
            "policy file {file}: {where, select, top {the top level} other {{where}}} must be a mapping (key: value),"
                    + " not " + NODE,
            "Prune error in a backup retention policy." + FILE + " {where}: the setting's name, untranslated, or"
                    + " top for the whole file;" + NODE_HINT);
    public static final Message POLICY_UNKNOWN_KEY = new Message(
            "backup.policy.unknownKey",
            "policy file {file}: unknown key ''{key}'' (known keys here: {known})",
            "Prune error in a backup retention policy." + FILE + " {key}, {known}: setting names, untranslated.");
    public static final Message POLICY_BAD_COUNT = new Message(
            "backup.policy.badCount",
            "policy file {file}: ''{key}'' must be a whole number from 0 to {max}, not " + NODE,
            "Prune error in a backup retention policy." + FILE + " {key}: the setting, untranslated; {max}: the"
                    + " largest allowed number;" + NODE_HINT);
    public static final Message POLICY_BAD_DURATION = new Message(
            "backup.policy.badDuration",
            "policy file {file}: ''{key}'' must be a duration such as 24h, 90m, 2d or PT24H, not " + NODE,
            "Prune error in a backup retention policy." + FILE + " {key}: the setting, untranslated;" + NODE_HINT);

    // crm backup commands

    public static final Message PARALLEL_RANGE = new Message(
            "backup.cli.parallelRange",
            "--parallel must be between 1 and 64 (got {value})",
            "Command-line error. {value}: the number given. --parallel is an option, untranslated.");
    public static final Message JOBS_RANGE = new Message(
            "backup.cli.jobsRange",
            "--jobs must be between 1 and {max} (got {value})",
            "Command-line error. {max}: the largest allowed; {value}: the number given. --jobs is an option.");
    public static final Message KEY_FILE_EXISTS = new Message(
            "backup.cli.keyFileExists",
            "{file} already exists; a key file is never overwritten",
            "crm backup keygen error: the output file for a new encryption key exists." + FILE);
    public static final Message KEY_FILE_WRITE_FAILED = new Message(
            "backup.cli.keyFileWriteFailed",
            "cannot write key file {file}: {reason}",
            "crm backup keygen error." + FILE + REASON);
    public static final Message NO_STORAGE = new Message(
            "backup.cli.noStorage",
            "no application storage is configured (CRM_STORAGE_URL)",
            "Backup error: the CRM has no file storage set up. CRM_STORAGE_URL is a setting name, untranslated.");
    public static final Message NO_STORAGE_OBJECT = new Message(
            "backup.cli.noStorageObject",
            "object ''{key}'' not found: no application storage is configured",
            "Backup error: a stored file is needed but the CRM has no file storage set up. {key}: the file's key.");
}
