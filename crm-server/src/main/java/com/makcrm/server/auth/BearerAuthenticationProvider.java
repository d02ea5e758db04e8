package com.makcrm.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.makcrm.core.access.ApiKeyPrincipal;
import com.makcrm.core.access.ApiKeyService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One {@code Authorization: Bearer} header, two kinds of credential: API keys ({@code crm_...}, looked up on every
 * request so revocation is immediate) and our access-token JWTs (verified offline). A verified access token is
 * remembered for up to {@link #REMEMBER} (never past its {@code exp}), so a client's next requests skip parsing and
 * checking its signature again; the cache key is the whole token, signature included.
 */
final class BearerAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofSeconds(60);

    private final ApiKeyService apiKeys;
    private final JwtAuthenticationProvider jwts;
    private final Clock clock;
    private final Cache<String, CrmAuthentication> verified =
            Caffeine.newBuilder().expireAfterWrite(REMEMBER).maximumSize(20_000).build();

    BearerAuthenticationProvider(ApiKeyService apiKeys, JwtAuthenticationProvider jwts, Clock clock) {
        this.apiKeys = apiKeys;
        this.jwts = jwts;
        this.clock = clock;
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
        CrmAuthentication known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known;
        }
        Authentication result = jwts.authenticate(authentication);
        if (result instanceof CrmAuthentication crm && crm.expiresAt() != null) {
            verified.put(token, crm);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
