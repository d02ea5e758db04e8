package com.makcrm.core.access;

import java.util.UUID;

/** What a valid API key stands for: its tenant (from the key, never from the request) and role. */
public record ApiKeyPrincipal(UUID apiKeyId, TenantRef tenant, Role role) {

    public Actor actor() {
        return Actor.apiKey(tenant.id(), apiKeyId, role);
    }
}
