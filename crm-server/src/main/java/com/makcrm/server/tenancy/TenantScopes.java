package com.makcrm.server.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.makcrm.core.CrmCore;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.tenant.TenantStatus;
import com.makcrm.server.auth.CrmPrincipal;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns the caller's credential into the {@link TenantScope} every crm-core call takes. The tenant comes from the
 * verified credential only. Tenants are cached briefly per instance, so a suspension reaches every instance within
 * {@link #TTL}; a tenant that is not ACTIVE serves no requests.
 */
@Component
public final class TenantScopes {

    static final Duration TTL = Duration.ofSeconds(5);

    private final CrmCore core;
    private final Cache<UUID, Tenant> tenants =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    TenantScopes(CrmCore core) {
        this.core = core;
    }

    public TenantScope of(CrmPrincipal principal) {
        Tenant tenant = tenants.get(principal.tenantId(), id -> core.tenants().getById(id));
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw new CrmException(
                    ErrorCategory.FORBIDDEN,
                    "tenant '" + tenant.slug() + "' is "
                            + tenant.status().name().toLowerCase(Locale.ROOT) + " and serves no requests");
        }
        return TenantScope.of(tenant, principal.name());
    }
}
