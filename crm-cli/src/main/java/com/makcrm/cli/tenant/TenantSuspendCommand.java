package com.makcrm.cli.tenant;

import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import picocli.CommandLine.Command;

@Command(
        name = "suspend",
        mixinStandardHelpOptions = true,
        description = "Suspend an ACTIVE tenant: it stops serving but keeps its data and is still migrated.")
final class TenantSuspendCommand extends TenantStatusChange {
    @Override
    Tenant apply(TenantService tenants, String slug, String actor) {
        return tenants.suspend(slug, actor);
    }
}
