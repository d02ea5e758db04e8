package com.makcrm.core.i18n;

/**
 * Errors of the object storage (files attached to records, backup repositories), the database connection, schema
 * migrations and the CLI's config file, as an operator reads them in a {@code crm} {@code ERROR:} line or an API
 * client in a problem's detail. English sources equal the texts these errors carried before they were
 * translatable, so English output does not change.
 */
public final class StorageMessages {

    private StorageMessages() {}

    private static final String OBJECT_KEY = " {key}: the object's key (its path in the store), untranslated.";
    private static final String REASON = " {reason}: the underlying error, in English.";
    private static final String EXPECTED_URL =
            "; expected file:///absolute/path, a plain filesystem path, or" + " s3://bucket[/prefix]";
    private static final String OPTION = " {name}: the option's name, untranslated; {value}: the value given.";

    // object storage

    public static final Message CONTENT_LENGTH_MISMATCH = new Message(
            "storage.contentLengthMismatch",
            "content for object ''{key}'' was declared as {declared} bytes but the stream had {size}; nothing was"
                    + " stored",
            "Storage error: an upload was shorter or longer than announced." + OBJECT_KEY
                    + " {declared}, {size}: sizes in bytes.");
    public static final Message CONTENT_READ_FAILED = new Message(
            "storage.contentReadFailed",
            "reading the content for object ''{key}'' failed after {bytes} bytes ({reason}); nothing was stored",
            "Storage error: an upload broke off." + OBJECT_KEY + " {bytes}: bytes read so far;" + REASON);
    public static final Message KEY_RESERVED_SEGMENT = new Message(
            "storage.key.reservedSegment",
            "invalid object key ''{key}'': segments starting with ''{prefix}'' are reserved by the filesystem store",
            "Storage error." + OBJECT_KEY + " {prefix}: the reserved start of a path segment, untranslated.");
    public static final Message KEY_SEGMENT_TOO_LONG = new Message(
            "storage.key.segmentTooLong",
            "invalid object key ''{key}'': the filesystem store allows at most {max} UTF-8 bytes per segment",
            "Storage error: one part of a path (between slashes) is too long." + OBJECT_KEY + " {max}: the limit.");
    public static final Message KEY_LEAVES_ROOT = new Message(
            "storage.key.leavesRoot",
            "object key ''{key}'' leaves the storage root",
            "Storage error: the key points outside the storage folder." + OBJECT_KEY);
    public static final Message KEY_TOO_LONG_FOR_S3 = new Message(
            "storage.key.tooLongForS3",
            "object key ''{key}'' is too long for S3 once prefixed with ''{prefix}'': at most {max} UTF-8 bytes",
            "Storage error." + OBJECT_KEY + " {prefix}: the configured key prefix; {max}: the limit.");
    public static final Message FILE_NOT_FOUND = new Message(
            "storage.file.notFound",
            "no object ''{key}'' in file storage",
            "Storage error: the stored file does not exist." + OBJECT_KEY);
    public static final Message FILE_STORE_CONFLICT = new Message(
            "storage.file.storeConflict",
            "cannot store object ''{key}'' in file storage: {reason, select, parentIsObject {a part of its path is an"
                    + " object, not a folder} isFolder {it is a folder of other objects} other {{reason}}}",
            "Storage error." + OBJECT_KEY + " {reason}: why, a keyword (keep the keywords, translate each branch).");
    public static final Message FILE_FAILED = new Message(
            "storage.file.failed",
            "cannot {action, select, store {store} read {read} describe {describe} delete {delete} other {{action}}}"
                    + " object ''{key}'' in file storage at {root}: {reason}",
            "Storage error: the disk refused. {action}: what we were doing, a keyword (keep the keywords, translate"
                    + " each branch; describe = read its size and checksum);" + OBJECT_KEY
                    + " {root}: the storage folder;" + REASON);
    public static final Message LIST_FAILED = new Message(
            "storage.listFailed",
            "cannot list {directory}: {reason}",
            "Storage error. {directory}: a folder path;" + REASON);
    public static final Message S3_COPY_NOT_FOUND = new Message(
            "storage.s3.copyNotFound",
            "cannot copy object ''{key}'' in S3 bucket ''{bucket}'': not found",
            "Storage error." + OBJECT_KEY + " {bucket}: the S3 bucket's name.");
    public static final Message S3_TOO_LARGE = new Message(
            "storage.s3.tooLarge",
            "object ''{key}'' {declared, select, none {is longer} other {is declared as {declared} bytes}}, more"
                    + " than {maxParts} parts of {partSize} bytes can hold; raise the S3 part size; nothing was stored",
            "Storage error: a file is too large for a multipart upload." + OBJECT_KEY + " {declared}: its announced"
                    + " size, or none; {maxParts}: the part limit; {partSize}: bytes per part.");

    // storage configuration

    public static final Message URL_EMPTY = new Message(
            "storage.url.empty",
            "storage URL is empty" + EXPECTED_URL,
            "Configuration error: CRM_STORAGE_URL or --repository is empty. The URL forms stay untranslated.");
    public static final Message URL_UNSUPPORTED_SCHEME = new Message(
            "storage.url.unsupportedScheme",
            "unsupported storage URL scheme ''{scheme}'' in ''{url}''" + EXPECTED_URL,
            "Configuration error. {scheme}: e.g. ftp; {url}: the URL given. The URL forms stay untranslated.");
    public static final Message URL_INVALID = new Message(
            "storage.url.invalid",
            "invalid storage URL ''{url}'': {reason, select, noBucket {it names no bucket} credentials {credentials"
                    + " do not belong in the URL (it ends up in logs); use the key options} query {it has a query or"
                    + " fragment; give settings as options} fileUrl {a file URL must be file:///absolute/path"
                    + " ({detail})} other {{detail}}}" + EXPECTED_URL,
            "Configuration error. {url}: the URL given; {reason}: why, a keyword (keep the keywords, translate each"
                    + " branch); {detail}: the parser's explanation, in English. The URL forms stay untranslated.");
    public static final Message S3_CLIENT_SETUP = new Message(
            "storage.s3.clientSetup",
            "cannot set up S3 client for {endpoint}: {reason} (set the region, or AWS_REGION)",
            "Configuration error. {endpoint}: the S3 endpoint;" + REASON + " AWS_REGION stays untranslated.");
    public static final Message S3_UNKNOWN_OPTION = new Message(
            "storage.s3.unknownOption",
            "unknown storage option ''{name}''; known options: {known}",
            "Configuration error. {name}: the option given; {known}: the option names, untranslated.");
    public static final Message S3_ENDPOINT_INVALID = new Message(
            "storage.s3.endpointInvalid",
            "invalid S3 endpoint ''{value}'': expected a URL such as http://minio:9000 ({reason})",
            "Configuration error. {value}: the endpoint given;" + REASON);
    public static final Message S3_OPTION_BOOLEAN = new Message(
            "storage.s3.optionBoolean",
            "storage option {name} must be true or false: ''{value}''",
            "Configuration error. true and false stay untranslated." + OPTION);
    public static final Message S3_OPTION_INTEGER = new Message(
            "storage.s3.optionInteger",
            "storage option {name} must be a whole number: ''{value}''",
            "Configuration error." + OPTION);
    public static final Message S3_OPTION_SIZE = new Message(
            "storage.s3.optionSize",
            "storage option {name} must be a size in bytes, or with KiB, MiB or GiB: ''{value}''",
            "Configuration error." + OPTION);
    public static final Message S3_OPTION_SIZE_TOO_LARGE = new Message(
            "storage.s3.optionSizeTooLarge",
            "storage option {name} must be below 2 GiB: ''{value}''",
            "Configuration error." + OPTION);
    public static final Message S3_KEYS_TOGETHER = new Message(
            "storage.s3.keysTogether",
            "S3 access key and secret key must be given together, or neither to use the default AWS credentials"
                    + " chain",
            "Configuration error: only one of the two S3 credentials was given.");
    public static final Message S3_LIST_PAGE_SIZE = new Message(
            "storage.s3.listPageSize",
            "S3 list page size must be at most {max}: {value}",
            "Configuration error. {max}: the limit; {value}: the number given.");
    public static final Message S3_BUCKET_NAME = new Message(
            "storage.s3.bucketName",
            "invalid S3 bucket name ''{bucket}'': 3-63 lowercase letters, digits, ''.'' or ''-'', starting and ending"
                    + " with a letter or digit",
            "Configuration error. {bucket}: the bucket name given.");
    public static final Message S3_AT_LEAST = new Message(
            "storage.s3.atLeast",
            "S3 {what, select, multipartThreshold {multipart threshold} partSize {part size} maxAttempts {max"
                    + " attempts} listPageSize {list page size} other {{what}}} must be at least {minimum}: {value}",
            "Configuration error. {what}: the setting, a keyword (keep the keywords, translate each branch);"
                    + " {minimum}: the lowest allowed; {value}: the number given.");

    // database

    public static final Message DB_URL_NO_DATABASE = new Message(
            "db.url.noDatabase",
            "database URL names no database: {url}",
            "Configuration error: the JDBC URL lacks the database name. {url}: the URL given.");
    public static final Message DB_URL_FORMAT = new Message(
            "db.url.format",
            "database URL must look like jdbc:postgresql://host:5432/database, got: {url}",
            "Configuration error. {url}: the URL given. The example URL stays untranslated.");
    public static final Message DB_NAME_UNSAFE = new Message(
            "db.name.unsafe",
            "database name ''{name}'' must be letters, digits, ''_'', ''-'' or ''$'' (at most 63) to be created"
                    + " automatically",
            "Configuration error: the database does not exist and its name is unsafe to create. {name}: the name.");
    public static final Message DB_UNREACHABLE = new Message(
            "db.unreachable",
            "cannot reach PostgreSQL at {where} while {doing}: {reason}",
            "Error: the database server cannot be reached. {where}: the server or database, untranslated; {doing}:"
                    + " what we were doing, an English phrase (e.g. reading tenants);" + REASON);
    public static final Message DB_LOGIN_REJECTED = new Message(
            "db.loginRejected",
            "PostgreSQL at {where} rejected the login while {doing}: {reason}",
            "Error: wrong database user or password. {where}: the server or database, untranslated; {doing}: what"
                    + " we were doing, an English phrase;" + REASON);

    // schema migrations

    public static final Message MIGRATION_PARALLELISM = new Message(
            "migration.parallelism",
            "parallelism must be between 1 and 64, got {value}",
            "crm migrate error. {value}: the number given.");
    public static final Message MIGRATION_TENANT_NOT_MIGRATED = new Message(
            "migration.tenantNotMigrated",
            "tenant ''{slug}'' is {status}; only ACTIVE and SUSPENDED tenants are migrated",
            "crm migrate error. {slug}: the tenant's short name; {status}: its status, an untranslated keyword like"
                    + " ACTIVE and SUSPENDED.");
    public static final Message MIGRATION_INTERRUPTED = new Message(
            "migration.interrupted", "interrupted while migrating tenants", "crm migrate error: the run was stopped.");
    public static final Message MIGRATION_WORKER_FAILED = new Message(
            "migration.workerFailed", "migration worker failed", "crm migrate error: an unexpected failure.");
    public static final Message MIGRATION_VERSION_UNKNOWN = new Message(
            "migration.versionUnknown",
            "tenant schema version {version} is unknown to this build (it knows up to {latest}); use the crm version"
                    + " that wrote it, or a newer one",
            "Restore error: the backup is from a newer crm. {version}, {latest}: schema version numbers.");
    public static final Message MIGRATION_DB_UNAVAILABLE = new Message(
            "migration.databaseUnavailable",
            "database unavailable while {doing, select, inspecting {inspecting} migrating {migrating} other"
                    + " {{doing}}} schema {schema}",
            "Schema migration error. {doing}: a keyword (keep the keywords, translate each branch); {schema}: the"
                    + " schema's name, untranslated.");
    public static final Message MIGRATION_FAILED = new Message(
            "migration.failed",
            "{doing, select, inspecting {inspecting schema {schema} failed} migrating {migrating schema {schema}"
                    + " failed} other {{doing} schema {schema} failed}}: {reason}",
            "Schema migration error. {doing}: a keyword (keep the keywords, translate each branch); {schema}: the"
                    + " schema's name, untranslated;" + REASON);

    // the crm config file

    public static final Message CONFIG_MISSING = new Message(
            "config.missing",
            "config file {file} does not exist",
            "crm error: the --config file is missing. {file}: its path.");
    public static final Message CONFIG_NOT_MAPPING = new Message(
            "config.notMapping",
            "config file {file} must hold a YAML mapping (key: value)",
            "crm error. {file}: the config file's path.");
    public static final Message CONFIG_NOT_YAML = new Message(
            "config.notYaml",
            "config file {file} is not valid YAML: {reason}{line, select, none {} other { (line {line})}}",
            "crm error. {file}: the config file's path; {reason}: the parser's explanation, in English; {line}:"
                    + " where, or none.");
    public static final Message CONFIG_NOT_PLAIN = new Message(
            "config.notPlain",
            "config file {file}: ''{key}'' must be a plain value",
            "crm error: a setting holds a list or mapping. {file}: the config file's path; {key}: the setting's"
                    + " name, untranslated.");
}
