package com.makcrm.server.problem;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Message;
import com.makcrm.server.http.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details, and writes them where Spring MVC does not (security filters, the error page).
 * A detail is always a sentence written for the client: never an exception message of a library, SQL or a class
 * name.
 */
@Component
public final class Problems {

    private final JsonMapper json;
    private final ProblemLanguage language;

    Problems(JsonMapper json, ProblemLanguage language) {
        this.json = json;
        this.language = language;
    }

    /** One entry of a problem's {@code errors}. */
    public record FieldProblem(String field, String message) {}

    public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (request != null) {
            problem.setInstance(URI.create(instancePath(request)));
            String requestId = RequestIdFilter.of(request);
            if (requestId != null) {
                problem.setProperty("requestId", requestId); // the same id as the X-Request-Id header and the logs
            }
        }
        return problem;
    }

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> new FieldProblem(e.field(), e.message()))
                            .toList());
        }
        return problem;
    }

    /** {@code message} in the language of the answer to {@code request}, for a problem's detail. */
    public String text(HttpServletRequest request, Message message, Map<String, ?> args) {
        return language.format(message, language.of(request), args);
    }

    /** What {@code e} says in the language of the answer to {@code request}. */
    public String text(HttpServletRequest request, CrmException e) {
        return language.describe(e, language.of(request));
    }

    /** Writes a problem straight to the response in the client's language, for code running outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        language.localize(problem, language.of(request), response.getHeaders(HttpHeaders.VARY), response::setHeader);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request path (without query: it may carry things that do not belong in logs or bodies). */
    private static String instancePath(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original instanceof String s ? s : request.getRequestURI();
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
