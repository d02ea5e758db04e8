package com.makcrm.server.auth;

import com.makcrm.core.access.Actor;
import com.makcrm.core.access.Role;
import java.util.UUID;

/**
 * Who sent a request: a user (from an access token) or an API key, always bound to one tenant, which comes from the
 * credential alone. Controllers get it with {@code @AuthenticationPrincipal CrmPrincipal}.
 */
public record CrmPrincipal(UUID userId, UUID apiKeyId, UUID tenantId, Role role) {

    public static CrmPrincipal user(UUID userId, UUID tenantId, Role role) {
        return new CrmPrincipal(userId, null, tenantId, role);
    }

    public static CrmPrincipal apiKey(UUID apiKeyId, UUID tenantId, Role role) {
        return new CrmPrincipal(null, apiKeyId, tenantId, role);
    }

    public Actor actor() {
        return userId != null ? Actor.user(tenantId, userId, role) : Actor.apiKey(tenantId, apiKeyId, role);
    }

    /** For logs and audit columns: {@code user:<id>} or {@code api-key:<id>}; never an email. */
    public String name() {
        return actor().name();
    }
}
