package com.makcrm.server.platform;

import com.makcrm.core.i18n.ProblemMessages;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.platform.RateLimiter.RateLimit;
import com.makcrm.server.problem.ProblemType;
import com.makcrm.server.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API requests per credential, answering every counted request with the RateLimit headers of
 * draft-ietf-httpapi-ratelimit-headers (simple form) and the request over the limit with 429 and {@code Retry-After}.
 * Anonymous requests are not counted here (crm-core throttles failed logins). When Redis is unreachable requests are
 * let through: a missing counter must not take the API down.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    static final String POLICY = "RateLimit-Policy";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final Problems problems;
    private final ThrottledWarning unavailable = new ThrottledWarning(log);

    RateLimitFilter(RateLimiter limiter, Problems problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CrmPrincipal caller = Callers.current();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimit counted;
        try {
            counted = limiter.acquire(Callers.scope(caller));
        } catch (StoreUnavailableException e) {
            unavailable.warn("rate limits are not enforced while Redis is unavailable", e);
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(LIMIT, Integer.toString(counted.limit()));
        response.setHeader(REMAINING, Long.toString(counted.remaining()));
        response.setHeader(RESET, Long.toString(counted.resetSeconds()));
        response.setHeader(POLICY, counted.limit() + ";w=" + limiter.window().toSeconds());
        if (counted.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(counted.resetSeconds()));
        ProblemDetail problem = Problems.of(
                ProblemType.RATE_LIMITED,
                problems.text(
                        request,
                        ProblemMessages.RATE_LIMITED,
                        Map.of(
                                "limit", String.valueOf(counted.limit()),
                                "window", limiter.window().toSeconds() == 60 ? "minute" : "seconds",
                                "seconds", String.valueOf(limiter.window().toSeconds()),
                                "reset", String.valueOf(counted.resetSeconds()))),
                request);
        problems.write(request, response, problem);
    }
}
