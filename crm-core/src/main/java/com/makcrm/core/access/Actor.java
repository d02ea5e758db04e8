package com.makcrm.core.access;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.i18n.Message;
import java.util.Map;
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

    /** What an actor may need a role for: the keywords of {@link AccessMessages#ROLE_REQUIRED}'s select. */
    enum Action {
        CREATE_API_KEYS("createApiKeys"),
        LIST_API_KEYS("listApiKeys"),
        SEE_API_KEYS("seeApiKeys"),
        REVOKE_API_KEYS("revokeApiKeys"),
        LIST_MEMBERS("listMembers"),
        SEE_MEMBERS("seeMembers"),
        ADD_MEMBERS("addMembers"),
        GRANT_OWNER("grantOwner"),
        CHANGE_ROLES("changeRoles"),
        GRANT_OR_REVOKE_OWNER("grantOrRevokeOwner"),
        REMOVE_MEMBERS("removeMembers"),
        REMOVE_OWNER("removeOwner");

        private final String keyword;

        Action(String keyword) {
            this.keyword = keyword;
        }

        String keyword() {
            return keyword;
        }
    }

    /** FORBIDDEN unless this actor's role includes {@code required}. */
    void require(Role required, Action doing) {
        if (!role.includes(required)) {
            throw forbidden(
                    AccessMessages.ROLE_REQUIRED,
                    Map.of("required", required.name(), "action", doing.keyword(), "role", role.name()));
        }
    }

    static CrmException forbidden(Message message, Map<String, ?> args) {
        return CrmException.of(ErrorCategory.FORBIDDEN, message, args);
    }
}
