package com.makcrm.core.tenant;

import java.util.UUID;

/**
 * Who is working in which tenant: resolved from a credential (server) or an operator command (CLI), never from a
 * client-supplied id alone. Every record operation takes one.
 *
 * @param phoneRegion ISO 3166 region for phone numbers typed without a country code; null means international
 *     format is required
 */
public record TenantScope(UUID tenantId, String slug, String schema, String actor, String phoneRegion) {

    public static TenantScope of(Tenant tenant, String actor) {
        return new TenantScope(tenant.id(), tenant.slug(), tenant.schemaName(), actor, null);
    }

    public TenantScope withPhoneRegion(String region) {
        return new TenantScope(tenantId, slug, schema, actor, region);
    }
}
