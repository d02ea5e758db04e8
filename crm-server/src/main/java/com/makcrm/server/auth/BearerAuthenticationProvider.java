package com.makcrm.server.auth;

import com.makcrm.core.access.ApiKeyPrincipal;
import com.makcrm.core.access.ApiKeyService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One {@code Authorization: Bearer} header, two kinds of credential: API keys ({@code crm_...}, looked up on every
 * request so revocation is immediate) and our access-token JWTs (verified offline).
 */
final class BearerAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyService apiKeys;
    private final JwtAuthenticationProvider jwts;

    BearerAuthenticationProvider(ApiKeyService apiKeys, JwtAuthenticationProvider jwts) {
        this.apiKeys = apiKeys;
        this.jwts = jwts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (ApiKeyService.looksLikeKey(token)) {
            ApiKeyPrincipal key = apiKeys.resolve(token)
                    .orElseThrow(() -> new InvalidBearerTokenException("the API key is invalid or revoked"));
            return new CrmAuthentication(
                    CrmPrincipal.apiKey(key.apiKeyId(), key.tenant().id(), key.role()));
        }
        return jwts.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
