package com.makcrm.core.schema;

import org.flywaydb.core.api.MigrationVersion;

/** Compares schema versions the way Flyway orders them ({@code 2 < 10 < 10.1}). */
public final class SchemaVersions {

    private SchemaVersions() {}

    /** Whether {@code current} is older than {@code needed}; a schema with no version is older than any. */
    public static boolean older(String current, String needed) {
        if (needed == null) {
            return false;
        }
        if (current == null || current.isBlank()) {
            return true;
        }
        return MigrationVersion.fromVersion(current).compareTo(MigrationVersion.fromVersion(needed)) < 0;
    }
}
