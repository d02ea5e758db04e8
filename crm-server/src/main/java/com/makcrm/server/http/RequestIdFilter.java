package com.makcrm.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (nginx or a client may set
 * one to follow a request across systems), else a new UUID. The id goes back in the response header, into every log
 * line of the request (MDC {@value #MDC_KEY}) and into problem details. Runs first, so that answers written by
 * later filters (401s, 413s) and by the error page carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    /** Request attribute holding the id, for code that runs where the MDC may already be cleared. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** What we accept from outside: short, and nothing that could forge a log line or a header. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The id of the request, or null outside a request that passed this filter. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request); // set already when this is the error dispatch of the same request
        if (id == null) {
            id = accepted(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The error page (Boot's {@code /error} dispatch) logs too, so it gets the id again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String accepted(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A random (version 4 shaped) UUID from a thread-local generator: request ids need to be unique, not secret, and
     * {@code UUID.randomUUID()} serializes every request on one shared SecureRandom.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
