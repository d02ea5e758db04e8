package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Message;
import java.util.Map;

/**
 * A backup or restore failure an operator must act on in a specific way, so the CLI gives each kind its own exit
 * code: damaged data, a missing or wrong encryption key, or a missing or incompatible PostgreSQL tool.
 *
 * <p>Like any {@link CrmException} it may carry its message in translatable form ({@link #message()},
 * {@link #messageArgs()}); {@link #getMessage()} stays English.
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
        this(kind, message, (Throwable) null);
    }

    public BackupFailure(Kind kind, String message, Throwable cause) {
        super(kind == Kind.TOOL ? ErrorCategory.UNAVAILABLE : ErrorCategory.INVALID, message, cause);
        this.kind = kind;
    }

    /** A failure with a translatable message; the English text is rendered from its source. */
    public BackupFailure(Kind kind, Message message, Map<String, ?> args) {
        this(kind, message, args, null);
    }

    /** A failure with a translatable message and a cause; the English text is rendered from its source. */
    public BackupFailure(Kind kind, Message message, Map<String, ?> args, Throwable cause) {
        this(kind, message.english(args), cause);
        withMessage(message, args);
    }

    public Kind kind() {
        return kind;
    }
}
