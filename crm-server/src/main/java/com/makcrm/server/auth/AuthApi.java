package com.makcrm.server.auth;

import com.makcrm.core.access.Session;
import java.util.UUID;

/** Bodies of {@code /api/v1/auth}. Unknown JSON fields are ignored; missing ones are reported by the services. */
final class AuthApi {

    private AuthApi() {}

    record SignupRequest(String email, String password, String tenantName) {}

    record LoginRequest(String email, String password, String tenant) {}

    record RefreshRequest(String refreshToken) {}

    record TenantView(UUID id, String slug, String name) {}

    record UserView(UUID id, String email) {}

    /**
     * What sign-up, login and refresh answer.
     *
     * @param expiresIn seconds until the access token expires
     */
    record TokenResponse(
            String accessToken,
            String refreshToken,
            String tokenType,
            long expiresIn,
            TenantView tenant,
            UserView user,
            String role) {

        static TokenResponse of(Session s, String accessToken, String refreshToken, long expiresIn) {
            return new TokenResponse(
                    accessToken,
                    refreshToken,
                    "Bearer",
                    expiresIn,
                    new TenantView(
                            s.tenant().id(), s.tenant().slug(), s.tenant().name()),
                    new UserView(s.userId(), s.email()),
                    s.role().name());
        }
    }
}
