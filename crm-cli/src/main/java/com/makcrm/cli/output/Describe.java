package com.makcrm.cli.output;

import com.makcrm.core.migration.TenantMigrationResult;
import java.time.Duration;

/** One-line human descriptions shared by progress and summaries. */
public final class Describe {

    private Describe() {}

    public static String result(TenantMigrationResult r) {
        return switch (r.state()) {
            case FAILED -> r.tenant() + ": FAILED: " + r.error();
            case PLANNED ->
                r.tenant() + ": "
                        + (r.applied().isEmpty()
                                ? "up to date at " + version(r.fromVersion())
                                : "would apply " + String.join(", ", r.applied()) + " (now at "
                                        + version(r.fromVersion()) + ")");
            case OK ->
                r.tenant() + ": "
                        + (r.applied().isEmpty()
                                ? "up to date at " + version(r.toVersion())
                                : version(r.fromVersion()) + " -> " + version(r.toVersion()) + " (applied "
                                        + String.join(", ", r.applied()) + ") in " + millis(r.duration()));
        };
    }

    public static String version(String v) {
        return v == null ? "none" : v;
    }

    public static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
