package com.makcrm.cli.tenant;

import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true, description = "Make a SUSPENDED tenant ACTIVE again.")
final class TenantResumeCommand extends TenantStatusChange {
    @Override
    Tenant apply(TenantService tenants, String slug, String actor) {
        return tenants.resume(slug, actor);
    }
}
