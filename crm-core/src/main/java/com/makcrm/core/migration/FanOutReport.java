package com.makcrm.core.migration;

import java.time.Duration;
import java.util.List;

/** The outcome of one fan-out over tenants, in tenant order. */
public record FanOutReport(List<TenantMigrationResult> results, Duration duration, boolean dryRun) {

    public FanOutReport {
        results = List.copyOf(results);
    }

    public long failed() {
        return results.stream()
                .filter(r -> r.state() == TenantMigrationResult.State.FAILED)
                .count();
    }

    public boolean succeeded() {
        return failed() == 0;
    }
}
