package com.makcrm.cli;

import com.makcrm.core.backup.BackupFailure;
import com.makcrm.core.error.ErrorCategory;

/** The CLI's exit codes; scripts depend on them, so they never change meaning. Listed in {@code crm --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int SOFTWARE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int CONFLICT = 4;
    public static final int DATABASE_UNAVAILABLE = 5;
    public static final int MIGRATION_FAILED = 6;
    public static final int BACKUP_VERIFY_FAILED = 7;
    public static final int BACKUP_KEY = 8;
    public static final int BACKUP_TOOL = 9;

    /** The footer of {@code crm --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  internal error (a bug: please report it, with --verbose output)%n"
            + "  2  usage error or invalid input%n"
            + "  3  not found (e.g. unknown tenant)%n"
            + "  4  conflict (already exists, busy, or wrong state)%n"
            + "  5  a service is unavailable (database, object storage, Crowdin)%n"
            + "  6  migration failure or schema drift%n"
            + "  7  backup damaged: verification or restore found a part missing or damaged%n"
            + "  8  backup encryption key missing or wrong%n"
            + "  9  pg_dump/pg_restore missing or incompatible with the server%n";

    private ExitCodes() {}

    /** The exit code of a backup or restore failure of a specific kind. */
    public static int of(BackupFailure.Kind kind) {
        return switch (kind) {
            case DAMAGED -> BACKUP_VERIFY_FAILED;
            case KEY -> BACKUP_KEY;
            case TOOL -> BACKUP_TOOL;
        };
    }

    public static int of(ErrorCategory category) {
        return switch (category) {
            case INVALID, FORBIDDEN -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case UNAVAILABLE -> DATABASE_UNAVAILABLE;
            case MIGRATION_FAILED -> MIGRATION_FAILED;
            case INTERNAL -> SOFTWARE;
        };
    }
}
