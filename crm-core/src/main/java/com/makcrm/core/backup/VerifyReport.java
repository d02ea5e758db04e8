package com.makcrm.core.backup;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of verifying one backup: every part and object was read back and checked against the manifest.
 *
 * @param problems one per damaged, missing or unreadable part, each naming it; empty when the backup is sound
 */
public record VerifyReport(UUID backupId, int partsChecked, long bytesChecked, List<Problem> problems) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /**
     * @param part the table name for a table part, or the object key for a tenant object
     * @param key where it lives in the repository
     */
    public record Problem(String part, String key, String reason) {
        @Override
        public String toString() {
            return part + " (" + key + "): " + reason;
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
