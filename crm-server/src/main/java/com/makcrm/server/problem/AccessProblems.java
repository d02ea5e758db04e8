package com.makcrm.server.problem;

import com.makcrm.core.i18n.ProblemMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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

    private final Problems problems;
    private final ProblemLanguage language;

    AccessProblems(Problems problems, ProblemLanguage language) {
        this.problems = problems;
        this.language = language;
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
                Problems.of(
                        ProblemType.UNAUTHORIZED,
                        language.format(
                                badToken ? ProblemMessages.INVALID_CREDENTIALS : ProblemMessages.MISSING_CREDENTIALS,
                                language.of(request),
                                Map.of()),
                        request));
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
                ? language.format(ProblemMessages.FORBIDDEN, language.of(request), Map.of())
                : language.format(
                        ProblemMessages.FORBIDDEN_FOR_ROLE,
                        language.of(request),
                        Map.of("role", role, "method", request.getMethod()));
        problems.write(request, response, Problems.of(ProblemType.FORBIDDEN, detail, request));
    }
}
