package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;

/**
 * A backup or restore failure an operator must act on in a specific way, so the CLI gives each kind its own exit
 * code: damaged data, a missing or wrong encryption key, or a missing or incompatible PostgreSQL tool.
 */
public final class BackupFailure extends CrmException {

    public enum Kind {
        /** A part or object is missing, truncated or fails its checksum. */
        DAMAGED,
        /** The encryption key is missing, unreadable or not the one the backup was written with. */
        KEY,
        /** pg_dump or pg_restore is missing or cannot work with this server's version. */
        TOOL
    }

    private final Kind kind;

    public BackupFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public BackupFailure(Kind kind, String message, Throwable cause) {
        super(kind == Kind.TOOL ? ErrorCategory.UNAVAILABLE : ErrorCategory.INVALID, message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
