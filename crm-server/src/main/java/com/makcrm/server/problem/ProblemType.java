package com.makcrm.server.problem;

import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.Message;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error this API reports, each with a stable RFC 9457 {@code type} URI that clients may switch on.
 * URIs are identifiers and never change; titles may be reworded, and are sent in the client's language.
 */
public enum ProblemType {
    INVALID("invalid", HttpStatus.BAD_REQUEST, CoreMessages.PROBLEM_INVALID_TITLE),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, CoreMessages.PROBLEM_UNAUTHORIZED_TITLE),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, CoreMessages.PROBLEM_FORBIDDEN_TITLE),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, CoreMessages.PROBLEM_NOT_FOUND_TITLE),
    METHOD_NOT_ALLOWED(
            "method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, CoreMessages.PROBLEM_METHOD_NOT_ALLOWED_TITLE),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, CoreMessages.PROBLEM_NOT_ACCEPTABLE_TITLE),
    CONFLICT("conflict", HttpStatus.CONFLICT, CoreMessages.PROBLEM_CONFLICT_TITLE),
    PRECONDITION_FAILED(
            "precondition-failed", HttpStatus.PRECONDITION_FAILED, CoreMessages.PROBLEM_PRECONDITION_FAILED_TITLE),
    PRECONDITION_REQUIRED(
            "precondition-required",
            HttpStatus.PRECONDITION_REQUIRED,
            CoreMessages.PROBLEM_PRECONDITION_REQUIRED_TITLE),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, CoreMessages.PROBLEM_PAYLOAD_TOO_LARGE_TITLE),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            CoreMessages.PROBLEM_UNSUPPORTED_MEDIA_TYPE_TITLE),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, CoreMessages.PROBLEM_UNPROCESSABLE_TITLE),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, CoreMessages.PROBLEM_RATE_LIMITED_TITLE),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, CoreMessages.PROBLEM_INTERNAL_TITLE),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, CoreMessages.PROBLEM_UNAVAILABLE_TITLE);

    public static final String BASE = "https://makcrm.dev/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final Message title;

    ProblemType(String slug, HttpStatus status, Message title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    /** The English title. */
    public String title() {
        return title.source();
    }

    /** The title, for translation into the client's language. */
    public Message titleMessage() {
        return title;
    }

    /** The type a problem's {@code type} URI names, if it is one of ours. */
    public static Optional<ProblemType> forUri(URI uri) {
        for (ProblemType t : values()) {
            if (t.uri.equals(uri)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type for any status we may answer with (Spring's own errors come as bare statuses). */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status.value() == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID;
    }
}
