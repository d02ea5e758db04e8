package com.makcrm.core.backup;

/**
 * What {@link BackupPruner#execute} removed.
 *
 * @param objectsSkipped why no object was removed although the plan said so (a backup appeared meanwhile), or null
 */
public record PruneResult(
        int backupsDeleted,
        int leftoversDeleted,
        int objectsDeleted,
        int filesDeleted,
        long bytesFreed,
        String objectsSkipped) {}
