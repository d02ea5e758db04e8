package com.makcrm.server.problem;

import com.makcrm.core.access.AuthenticationFailedException;
import com.makcrm.core.access.TooManyAttemptsException;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.ProblemMessages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.server.api.PreconditionRequiredException;
import com.makcrm.server.http.BodyTooLargeException;
import com.makcrm.server.http.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place exceptions become HTTP answers: crm-core's {@link CrmException} by category, Spring's own
 * exceptions by kind, anything else as a 500 whose detail is only a reference to the log line.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemLanguage language;

    ProblemAdvice(ProblemLanguage language) {
        this.language = language;
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> throttled(TooManyAttemptsException e, HttpServletRequest request) {
        return answer(
                Problems.of(ProblemType.RATE_LIMITED, detail(e, request), request),
                headers -> headers.set(
                        HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds())));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e, HttpServletRequest request) {
        return answer(
                Problems.of(ProblemType.PRECONDITION_REQUIRED, text(e.localized(), request, e.args()), request),
                h -> {});
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    ResponseEntity<ProblemDetail> authenticationFailed(AuthenticationFailedException e, HttpServletRequest request) {
        return answer(
                Problems.of(ProblemType.UNAUTHORIZED, detail(e, request), request),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INVALID_CREDENTIALS));
    }

    @ExceptionHandler(CrmException.class)
    ResponseEntity<ProblemDetail> crm(CrmException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e.category()) {
            case INVALID ->
                Problems.withFieldErrors(
                        Problems.of(ProblemType.INVALID, detail(e, request), request),
                        language.translate(e.fieldErrors(), language.of(request)));
            case NOT_FOUND -> Problems.of(ProblemType.NOT_FOUND, detail(e, request), request);
            case CONFLICT -> Problems.of(ProblemType.CONFLICT, detail(e, request), request);
            case FORBIDDEN -> Problems.of(ProblemType.FORBIDDEN, detail(e, request), request);
            case UNAVAILABLE, MIGRATION_FAILED -> unavailable(e, request);
            case INTERNAL -> internal(e, request);
        };
        return answer(problem, headers -> {});
    }

    /** {@code message} in the language of the answer to {@code request}. */
    private String text(Message message, HttpServletRequest request, Map<String, ?> args) {
        return language.format(message, language.of(request), args);
    }

    /** The error's message in the client's language, as far as the throw site gave translatable text. */
    private String detail(CrmException e, HttpServletRequest request) {
        return language.describe(e, language.of(request));
    }

    private ProblemDetail unavailable(CrmException e, HttpServletRequest request) {
        // the message names hosts and database errors: for the log only
        log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage(), e);
        return Problems.of(ProblemType.UNAVAILABLE, text(ProblemMessages.UNAVAILABLE, request, Map.of()), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = causedBy(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return answer(
                    Problems.of(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            text(ProblemMessages.BODY_TOO_LARGE, request, tooLarge.messageArgs()),
                            request),
                    h -> {});
        }
        JsonProblem problem = JsonProblem.describe(e);
        String text = language.format(problem.message(), language.of(request), problem.args());
        if (problem.field() == null) {
            return answer(Problems.of(ProblemType.INVALID, text, request), headers -> {});
        }
        ProblemDetail detail = Problems.of(ProblemType.INVALID, problem.field() + ": " + text, request);
        return answer(Problems.withFieldErrors(detail, List.of(new FieldError(problem.field(), text))), headers -> {});
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(
            HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String sent = e.getContentType() == null ? "none" : e.getContentType().toString();
        String supported = e.getSupportedMediaTypes().stream()
                .map(MediaType::toString)
                .distinct()
                .collect(Collectors.joining(", "));
        return answer(
                Problems.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        text(
                                ProblemMessages.UNSUPPORTED_MEDIA_TYPE,
                                request,
                                Map.of("sent", sent, "supported", supported.isEmpty() ? "none" : supported)),
                        request),
                headers -> headers.addAll(e.getHeaders()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return answer(
                Problems.of(
                        ProblemType.METHOD_NOT_ALLOWED,
                        text(
                                ProblemMessages.METHOD_NOT_ALLOWED,
                                request,
                                Map.of("method", e.getMethod(), "allowed", allowed.isEmpty() ? "none" : allowed)),
                        request),
                headers -> headers.addAll(e.getHeaders()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noSuchPath(Exception e, HttpServletRequest request) {
        return answer(
                Problems.of(
                        ProblemType.NOT_FOUND,
                        text(ProblemMessages.NO_RESOURCE, request, Map.of("path", request.getRequestURI())),
                        request),
                h -> {});
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String value = String.valueOf(e.getValue());
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        String message = language.format(
                ValidationMessages.PARAMETER_INVALID, language.of(request), kindOf(e.getRequiredType(), shown));
        ProblemDetail problem = Problems.of(ProblemType.INVALID, e.getName() + ": " + message, request);
        return answer(Problems.withFieldErrors(problem, List.of(new FieldError(e.getName(), message))), h -> {});
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        String message = language.format(
                ValidationMessages.PARAMETER_REQUIRED, language.of(request), Map.of("name", e.getParameterName()));
        ProblemDetail problem = Problems.of(ProblemType.INVALID, message, request);
        return answer(
                Problems.withFieldErrors(problem, List.of(new FieldError(e.getParameterName(), message))), h -> {});
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? String.valueOf(e.getMaxUploadSize()) : "none";
        return answer(
                Problems.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        text(ProblemMessages.UPLOAD_TOO_LARGE, request, Map.of("limit", limit)),
                        request),
                h -> {});
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(
                Problems.of(
                        ProblemType.NOT_ACCEPTABLE, text(ProblemMessages.NOT_ACCEPTABLE, request, Map.of()), request),
                h -> {});
    }

    /** Thrown by method security ({@code @PreAuthorize}) inside a controller. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return answer(
                Problems.of(ProblemType.FORBIDDEN, text(ProblemMessages.FORBIDDEN, request, Map.of()), request),
                h -> {});
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return answer(
                Problems.of(
                        ProblemType.UNAUTHORIZED,
                        text(ProblemMessages.MISSING_CREDENTIALS, request, Map.of()),
                        request),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING));
    }

    /** The client went away mid-response: nothing to answer, nobody to answer to. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {}

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && !spring.getStatusCode().is5xxServerError()) {
            // a Spring MVC client error we have no handler for: its status is right, its wording not ours
            HttpStatusCode status = spring.getStatusCode();
            ProblemType type = ProblemType.forStatus(status.value());
            ProblemDetail problem = Problems.of(type, "the request was not accepted: " + type.title(), request);
            problem.setStatus(status.value());
            return answer(problem, headers -> headers.addAll(spring.getHeaders()));
        }
        return answer(internal(e, request), h -> {});
    }

    private ProblemDetail internal(Exception e, HttpServletRequest request) {
        // the request id: the same as the X-Request-Id header, the problem's requestId and the log lines
        String id = RequestIdFilter.of(request);
        String reference = id != null ? id : UUID.randomUUID().toString();
        log.error("{} {} failed (error reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        return Problems.of(
                ProblemType.INTERNAL, text(ProblemMessages.INTERNAL, request, Map.of("reference", reference)), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Consumer<HttpHeaders> headers) {
        HttpHeaders h = new HttpHeaders();
        headers.accept(h);
        return ResponseEntity.status(problem.getStatus())
                .headers(h)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The arguments of {@link ValidationMessages#PARAMETER_INVALID} for {@code value} sent as a {@code type}. */
    private static Map<String, Object> kindOf(Class<?> type, String value) {
        String kind = "value";
        String choices = "";
        if (type == UUID.class) {
            kind = "uuid";
        } else if (type != null
                && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class)) {
            kind = "number";
        } else if (type == Boolean.class || type == boolean.class) {
            kind = "boolean";
        } else if (type != null && type.isEnum()) {
            kind = "choice";
            choices = Arrays.toString(type.getEnumConstants());
        }
        return Map.of("value", value, "kind", kind, "choices", choices);
    }

    static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
