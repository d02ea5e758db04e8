package com.makcrm.core.tenant;

import java.time.Instant;

/** One entry of the control schema's operation log: who did what to which tenant, when, and how it ended. */
public record OperationRecord(
        String tenantSlug,
        String operation,
        String actor,
        Outcome outcome,
        String detail,
        Instant startedAt,
        Instant finishedAt) {

    public enum Outcome {
        OK,
        NOOP,
        FAILED
    }
}
