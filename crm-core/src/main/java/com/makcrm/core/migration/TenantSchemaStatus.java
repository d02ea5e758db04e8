package com.makcrm.core.migration;

import com.makcrm.core.schema.Drift;
import com.makcrm.core.tenant.TenantStatus;
import java.util.List;

/** Migration status of one tenant schema: current version, what is pending, and any drift. */
public record TenantSchemaStatus(
        String tenant,
        TenantStatus status,
        String currentVersion,
        List<String> pending,
        List<Drift> drift,
        String error) {

    public TenantSchemaStatus {
        pending = List.copyOf(pending);
        drift = List.copyOf(drift);
    }

    public boolean healthy() {
        return drift.isEmpty() && error == null;
    }
}
