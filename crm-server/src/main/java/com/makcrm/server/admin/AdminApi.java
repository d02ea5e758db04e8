package com.makcrm.server.admin;

import com.makcrm.core.access.ApiKey;
import com.makcrm.core.access.Member;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/admin}. */
final class AdminApi {

    private AdminApi() {}

    /** A list answer, shaped like every collection of the API. */
    record ListResponse<T>(List<T> data) {}

    record NewApiKeyRequest(String name, String role) {}

    record NewMemberRequest(String email, String role) {}

    record RoleChangeRequest(String role) {}

    /** An API key without its secret. */
    record ApiKeyView(
            UUID id,
            String name,
            String prefix,
            String role,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(
                    k.id(),
                    k.name(),
                    k.prefix(),
                    k.role().name(),
                    k.createdBy(),
                    k.createdAt(),
                    k.lastUsedAt(),
                    k.revokedAt());
        }
    }

    /** A key just created, with the full token ({@code key}): shown this once and never again. */
    record CreatedApiKeyView(
            UUID id, String name, String prefix, String role, String createdBy, Instant createdAt, String key) {}

    record MemberView(UUID userId, String email, String displayName, String role, Instant since) {

        static MemberView of(Member m) {
            return new MemberView(
                    m.userId(), m.email(), m.displayName(), m.role().name(), m.since());
        }
    }
}
