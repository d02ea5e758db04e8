package com.makcrm.core.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * What a restore of one tenant's data asks of the tenant registry.
 *
 * @param tenantId the tenant the data was backed up from
 * @param slug its slug at backup time
 * @param asSlug restore as a new tenant (a clone) with this slug; null to restore the tenant itself
 * @param force whether an existing tenant's data may be replaced
 * @param actor who restores, for the operation log
 * @param detail what is restored (e.g. the backup id), for the operation log
 */
public record RestoreRequest(UUID tenantId, String slug, String asSlug, boolean force, String actor, String detail) {

    public RestoreRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(actor, "actor");
    }

    public boolean asClone() {
        return asSlug != null;
    }
}
