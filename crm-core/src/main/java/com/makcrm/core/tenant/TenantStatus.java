package com.makcrm.core.tenant;

/**
 * Lifecycle of a tenant: {@code PROVISIONING → ACTIVE ⇄ SUSPENDED → DELETED → PURGED}. Only ACTIVE tenants serve
 * requests; ACTIVE and SUSPENDED ones are migrated; DELETED keeps schema and slug for a grace period.
 */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    DELETED,
    PURGED;

    /** Whether the tenant's schema is kept current by migration fan-out. */
    public boolean isMigrated() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
