package com.makcrm.core.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change of one record. {@code diff} maps a field path ({@code name}, {@code amount.amountMinor},
 * {@code custom.tier}) to {@code {"before": ..., "after": ...}}.
 */
public record TimelineEvent(
        UUID id,
        Instant occurredAt,
        String actor,
        String object,
        UUID recordId,
        Action action,
        Map<String, Object> diff) {

    public enum Action {
        CREATED,
        UPDATED,
        DELETED,
        RESTORED,
        DESTROYED
    }
}
