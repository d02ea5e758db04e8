package com.makcrm.server.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters, as problem details: missing or bad credentials get {@code WWW-Authenticate:
 * Bearer}, a role too weak for the request gets 403 naming the role.
 */
@Component
public final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String MISSING_CREDENTIALS =
            "this request needs credentials: send 'Authorization: Bearer <access token or API key>'";
    static final String INVALID_CREDENTIALS = "the access token or API key is invalid, expired or revoked";
    static final String FORBIDDEN_DETAIL = "your role does not allow this request";

    private final Problems problems;

    AccessProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = e instanceof OAuth2AuthenticationException;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE, badToken ? BearerChallenge.INVALID_TOKEN : BearerChallenge.MISSING);
        problems.write(
                request,
                response,
                Problems.of(ProblemType.UNAUTHORIZED, badToken ? INVALID_CREDENTIALS : MISSING_CREDENTIALS, request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String role = authentication == null
                ? null
                : authentication.getAuthorities().stream()
                        .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                        .findFirst()
                        .orElse(null);
        String detail = role == null
                ? FORBIDDEN_DETAIL
                : "your role (" + role + ") does not allow " + request.getMethod() + " on this resource";
        problems.write(request, response, Problems.of(ProblemType.FORBIDDEN, detail, request));
    }
}
