package com.makcrm.core.schema;

import java.util.List;

/** What one {@code migrate} of one schema did. Versions are null for a schema that had none. */
public record MigrationOutcome(String schema, String fromVersion, String toVersion, List<String> applied) {
    public MigrationOutcome {
        applied = List.copyOf(applied);
    }
}
