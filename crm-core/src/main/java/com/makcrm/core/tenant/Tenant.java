package com.makcrm.core.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as registered in the control schema. */
public record Tenant(
        UUID id,
        String slug,
        String displayName,
        TenantStatus status,
        String schemaName,
        String shard,
        String schemaVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        Instant purgeAfter) {

    /** Schema names come from the immutable id, never from the renamable slug. */
    static String schemaNameFor(UUID id) {
        return "t_" + id.toString().replace("-", "");
    }
}
