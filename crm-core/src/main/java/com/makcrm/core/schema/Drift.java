package com.makcrm.core.schema;

/** A difference between what a schema has applied and what this build ships. */
public record Drift(String version, Kind kind, String message) {
    public enum Kind {
        /** The applied script differs from the one in this build. */
        CHECKSUM_MISMATCH,
        /** Applied by a newer build: this build does not know the version. */
        UNKNOWN_APPLIED,
        /** Applied once, but no longer shipped by this build. */
        MISSING_LOCALLY,
        /** Recorded as failed in the history table. */
        FAILED
    }
}
