package com.makcrm.server.auth;

import com.makcrm.core.access.Role;
import com.makcrm.core.access.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Short-lived access tokens: HS256 JWTs with {@code sub} = user id, {@code tid} = tenant id, {@code role}, and
 * {@code exp}. Stateless: a token stays valid until it expires, so the lifetime is kept short and refresh tokens
 * (revocable, in the database) carry the long session.
 */
public final class AccessTokens {

    static final String TENANT_CLAIM = "tid";
    static final String ROLE_CLAIM = "role";

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, String issuer, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(Session session) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(session.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .claim(TENANT_CLAIM, session.tenant().id().toString())
                .claim(ROLE_CLAIM, session.role().name())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The principal a verified token stands for; a token without our claims is refused like a bad signature. */
    static CrmPrincipal principal(Jwt jwt) {
        try {
            return CrmPrincipal.user(
                    UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaimAsString(TENANT_CLAIM)),
                    Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM)));
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("the access token lacks a user, tenant or role");
        }
    }
}
