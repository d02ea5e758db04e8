package com.makcrm.core.access;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.util.Objects;
import java.util.UUID;

/**
 * Who performs an administrative operation, in which tenant, with which role: resolved from a credential, never
 * from client input. Exactly one of {@code userId} and {@code apiKeyId} is set.
 */
public record Actor(UUID tenantId, Role role, UUID userId, UUID apiKeyId) {

    public Actor {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        if ((userId == null) == (apiKeyId == null)) {
            throw new IllegalArgumentException("an actor is either a user or an API key");
        }
    }

    public static Actor user(UUID tenantId, UUID userId, Role role) {
        return new Actor(tenantId, role, userId, null);
    }

    public static Actor apiKey(UUID tenantId, UUID apiKeyId, Role role) {
        return new Actor(tenantId, role, null, apiKeyId);
    }

    /** How audit columns ({@code created_by}) and the operation log name this actor. */
    public String name() {
        return userId != null ? "user:" + userId : "api-key:" + apiKeyId;
    }

    /** FORBIDDEN unless this actor's role includes {@code required}. */
    void require(Role required, String doing) {
        if (!role.includes(required)) {
            throw forbidden("only " + required + (required == Role.OWNER ? "" : " or higher") + " may " + doing
                    + " (your role: " + role + ")");
        }
    }

    static CrmException forbidden(String message) {
        return new CrmException(ErrorCategory.FORBIDDEN, message);
    }
}
