package com.makcrm.server.auth;

import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.RefreshTokens;
import com.makcrm.core.access.Session;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.server.auth.AuthApi.LoginRequest;
import com.makcrm.server.auth.AuthApi.RefreshRequest;
import com.makcrm.server.auth.AuthApi.SignupRequest;
import com.makcrm.server.auth.AuthApi.TokenResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, login, refresh and logout: the only endpoints that need no credential. */
@RestController
@Tag(name = "Auth")
@RequestMapping(path = "/api/v1/auth", consumes = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final AccessServices access;
    private final AccessTokens accessTokens;

    AuthController(AccessServices access, AccessTokens accessTokens) {
        this.access = access;
        this.accessTokens = accessTokens;
    }

    /** Creates a tenant (slug derived from its name) and its OWNER, and signs them in. */
    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse signup(@RequestBody SignupRequest body) {
        Session session = access.accounts().signup(body.email(), body.password(), body.tenantName());
        return tokens(session, access.refreshTokens().issue(session));
    }

    /** {@code tenant} (a slug) may be left out when the account belongs to exactly one tenant. */
    @PostMapping("/login")
    TokenResponse login(@RequestBody LoginRequest body, HttpServletRequest request) {
        Session session =
                access.accounts().login(body.email(), body.password(), body.tenant(), request.getRemoteAddr());
        return tokens(session, access.refreshTokens().issue(session));
    }

    /** Uses up the refresh token and answers a new pair; reusing a used one ends the whole session. */
    @PostMapping("/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest body) {
        RefreshTokens.Rotation rotation = access.refreshTokens().rotate(required(body.refreshToken()));
        return tokens(rotation.session(), rotation.refreshToken());
    }

    /** Ends the session the refresh token belongs to. Idempotent: an unknown or revoked token is fine too. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest body) {
        access.refreshTokens().revoke(required(body.refreshToken()));
    }

    private TokenResponse tokens(Session session, String refreshToken) {
        return TokenResponse.of(
                session,
                accessTokens.issue(session),
                refreshToken,
                accessTokens.lifetime().toSeconds());
    }

    private static String required(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw CrmException.invalidFields(
                    List.of(FieldError.of("refreshToken", AccessMessages.REFRESH_TOKEN_REQUIRED, Map.of())));
        }
        return refreshToken;
    }
}
