package com.makcrm.core.migration;

import java.time.Duration;
import java.util.List;

/** What a fan-out did to one tenant. {@code error} is null unless {@code state} is FAILED. */
public record TenantMigrationResult(
        String tenant,
        State state,
        String fromVersion,
        String toVersion,
        List<String> applied,
        Duration duration,
        String error) {

    public enum State {
        /** Migrated (or already current). */
        OK,
        /** Dry run: {@code applied} lists what would run. */
        PLANNED,
        FAILED
    }

    public TenantMigrationResult {
        applied = List.copyOf(applied);
    }
}
