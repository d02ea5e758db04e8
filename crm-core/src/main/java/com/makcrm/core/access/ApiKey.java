package com.makcrm.core.access;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret. {@code prefix} is the public part that identifies it in logs and UIs. */
public record ApiKey(
        UUID id,
        UUID tenantId,
        String name,
        String prefix,
        Role role,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
