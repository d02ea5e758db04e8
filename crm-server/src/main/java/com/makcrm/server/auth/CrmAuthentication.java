package com.makcrm.server.auth;

import com.makcrm.core.access.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified bearer credential. Authorities spell out the role hierarchy (an ADMIN is also MEMBER and READ_ONLY), so
 * {@code hasRole("MEMBER")} needs no separate hierarchy configuration.
 */
final class CrmAuthentication extends AbstractAuthenticationToken {

    private final CrmPrincipal principal;
    private final Instant expiresAt;

    CrmAuthentication(CrmPrincipal principal) {
        this(principal, null);
    }

    /** @param expiresAt when the credential stops being valid (an access token's {@code exp}); null for API keys */
    CrmAuthentication(CrmPrincipal principal, Instant expiresAt) {
        super(authorities(principal.role()));
        this.principal = principal;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    static List<GrantedAuthority> authorities(Role role) {
        return Arrays.stream(Role.values())
                .filter(role::includes)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public Object getCredentials() {
        return null; // never kept after verification
    }

    @Override
    public CrmPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
