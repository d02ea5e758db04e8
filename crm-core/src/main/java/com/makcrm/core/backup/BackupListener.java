package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;

/** Progress of a running backup, e.g. for a terminal; called on the backup's thread. */
public interface BackupListener {

    BackupListener NONE = new BackupListener() {};

    /**
     * The snapshot is taken and its tables are about to be read; {@code estimatedBytes} is PostgreSQL's size of their
     * data, close to what COPY will stream.
     */
    default void started(long estimatedBytes) {}

    /** Uncompressed table data read so far in this backup (called often: keep it cheap). */
    default void bytesRead(String table, long bytes) {}

    /** A table's part is stored; the snapshot transaction is still open. */
    default void tableStored(TablePart part) {}

    /** A tenant object is in the repository; {@code uploaded} is false when it was there already. */
    default void objectStored(ObjectEntry object, boolean uploaded) {}
}
