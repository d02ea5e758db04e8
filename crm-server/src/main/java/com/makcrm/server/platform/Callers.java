package com.makcrm.server.platform;

import com.makcrm.server.auth.CrmPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request. The platform filters run after Spring Security's filter chain
 * (which has authenticated and authorized the request by then), inside its call, so the context is still set.
 */
final class Callers {

    private Callers() {}

    /** The caller, or {@code null} for anonymous requests (sign-up, login, health). */
    static CrmPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CrmPrincipal principal
                ? principal
                : null;
    }

    /** One credential in one tenant: the unit rate limits and idempotency keys belong to. */
    static String scope(CrmPrincipal principal) {
        return principal.tenantId() + ":" + principal.name();
    }
}
