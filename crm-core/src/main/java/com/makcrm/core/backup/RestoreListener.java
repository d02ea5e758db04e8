package com.makcrm.core.backup;

/** Progress of a running restore or drill, e.g. for a terminal; called on the restore's thread. */
public interface RestoreListener {

    RestoreListener NONE = new RestoreListener() {};

    /** A new phase begins, e.g. "loading tables" or "building indexes". */
    default void phase(String description) {}

    /** Uncompressed table data fed to PostgreSQL so far, out of {@code totalBytes} for the whole backup. */
    default void bytesLoaded(String table, long bytes, long totalBytes) {}

    /** A table is loaded. */
    default void tableLoaded(String table, long rows) {}

    /** A tenant object is back in the application store; {@code copied} is false when it was there already. */
    default void objectRestored(String key, boolean copied) {}
}
