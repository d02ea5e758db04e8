package com.makcrm.server.tenancy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.makcrm.core.CrmCore;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.schema.SchemaVersions;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.tenant.TenantStatus;
import com.makcrm.server.auth.CrmPrincipal;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the caller's credential into the {@link TenantScope} every crm-core call takes. The tenant comes from the
 * verified credential only. Tenants are cached briefly per instance, so a suspension reaches every instance within
 * {@link #TTL}; a tenant that is not ACTIVE serves no requests, nor one whose schema is older than this build needs
 * (503, with a log line saying which migration to run).
 */
@Component
public final class TenantScopes {

    static final Duration TTL = Duration.ofSeconds(5);
    static final Duration EXPIRY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(TenantScopes.class);

    private final CrmCore core;
    private final String neededSchemaVersion;
    private final LoadingCache<UUID, Known> tenants;

    /** A tenant as loaded, with whether its schema lags this build, worked out once per load. */
    private record Known(Tenant tenant, boolean schemaLags) {}

    TenantScopes(CrmCore core) {
        this.core = core;
        this.neededSchemaVersion = core.migrations().latestTenantVersion();
        // refreshed in the background after TTL while the cached tenant keeps serving, so requests of a busy
        // tenant never queue behind its reload; a tenant nobody asked for in EXPIRY is read afresh
        this.tenants = Caffeine.newBuilder()
                .refreshAfterWrite(TTL)
                .expireAfterWrite(EXPIRY)
                .maximumSize(10_000)
                .build(this::load);
    }

    private Known load(UUID id) {
        Tenant tenant = core.tenants().getById(id);
        return new Known(tenant, SchemaVersions.older(tenant.schemaVersion(), neededSchemaVersion));
    }

    public TenantScope of(CrmPrincipal principal) {
        Known known = tenants.get(principal.tenantId());
        Tenant tenant = known.tenant();
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw new CrmException(
                    ErrorCategory.FORBIDDEN,
                    "tenant '" + tenant.slug() + "' is "
                            + tenant.status().name().toLowerCase(Locale.ROOT) + " and serves no requests");
        }
        if (known.schemaLags()) {
            // a failed or skipped migration (CRM_MIGRATE_ON_START=false): serving it would fail in odd ways
            log.error(
                    "refusing requests of tenant {}: its schema is at version {}, this build needs {}; run 'crm migrate"
                            + " up --tenant {}'",
                    tenant.slug(),
                    tenant.schemaVersion(),
                    neededSchemaVersion,
                    tenant.slug());
            throw CrmException.unavailable(
                    "tenant " + tenant.slug() + " schema " + tenant.schemaVersion() + " < " + neededSchemaVersion,
                    null);
        }
        return TenantScope.of(tenant, principal.name());
    }
}
