package com.makcrm.core.schema;

import java.util.List;

/** A schema as Flyway sees it against this build's migrations. */
public record SchemaState(String currentVersion, List<String> pending, List<Drift> drift) {
    public SchemaState {
        pending = List.copyOf(pending);
        drift = List.copyOf(drift);
    }

    public boolean upToDate() {
        return pending.isEmpty() && drift.isEmpty();
    }
}
