package com.makcrm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/** Verified access tokens are remembered, but never past their expiry. */
class BearerAuthenticationProviderTest {

    private final UUID user = UUID.randomUUID();
    private final UUID tenant = UUID.randomUUID();
    private final Instant exp = Instant.parse("2026-11-28T12:15:00Z");
    private final AtomicInteger decodes = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private BearerAuthenticationProvider provider() {
        JwtDecoder decoder = token -> {
            decodes.incrementAndGet();
            if (!now.isBefore(exp)) {
                throw new BadJwtException("expired");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "HS256")
                    .subject(user.toString())
                    .claim("tid", tenant.toString())
                    .claim("role", "MEMBER")
                    .issuedAt(exp.minusSeconds(900))
                    .expiresAt(exp)
                    .build();
        };
        JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(decoder);
        jwts.setJwtAuthenticationConverter(
                jwt -> new CrmAuthentication(AccessTokens.principal(jwt), jwt.getExpiresAt()));
        return new BearerAuthenticationProvider(null, jwts, clock);
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        BearerAuthenticationProvider provider = provider();
        var token = new BearerTokenAuthenticationToken("header.payload.signature");

        CrmAuthentication first = (CrmAuthentication) provider.authenticate(token);
        now = now.plusSeconds(30);
        CrmAuthentication second = (CrmAuthentication) provider.authenticate(token);

        assertThat(decodes).hasValue(1);
        assertThat(second.getPrincipal()).isEqualTo(first.getPrincipal());
        assertThat(second.getPrincipal().tenantId()).isEqualTo(tenant);

        now = exp; // expired, though still in the cache
        assertThatThrownBy(() -> provider.authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() {
        BearerAuthenticationProvider provider = provider();
        provider.authenticate(new BearerTokenAuthenticationToken("a.b.c"));
        provider.authenticate(new BearerTokenAuthenticationToken("a.b.d"));
        assertThat(decodes).hasValue(2);
    }
}
