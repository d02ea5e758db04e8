package com.makcrm.core.i18n;

/**
 * The server's own problem details, for errors HTTP itself raises (authentication, methods, media types, unknown
 * paths) and for failures whose cause stays in the log. English sources equal the texts these details always had.
 */
public final class ProblemMessages {

    private ProblemMessages() {}

    public static final Message MISSING_CREDENTIALS = new Message(
            "problem.detail.missingCredentials",
            "this request needs credentials: send ''Authorization: Bearer <access token or API key>''",
            "Error detail (HTTP 401): the request carries no credential. Keep the header text as it is.");
    public static final Message INVALID_CREDENTIALS = new Message(
            "problem.detail.invalidCredentials",
            "the access token or API key is invalid, expired or revoked",
            "Error detail (HTTP 401): the credential sent is not accepted.");
    public static final Message FORBIDDEN = new Message(
            "problem.detail.forbidden",
            "your role does not allow this request",
            "Error detail (HTTP 403): the caller's role is too weak.");
    public static final Message FORBIDDEN_FOR_ROLE = new Message(
            "problem.detail.forbiddenForRole",
            "your role ({role}) does not allow {method} on this resource",
            "Error detail (HTTP 403). {role}: READ_ONLY, MEMBER, ADMIN or OWNER, untranslated; {method}: the HTTP"
                    + " method, e.g. DELETE.");
    public static final Message NO_RESOURCE = new Message(
            "problem.detail.noResource",
            "no resource at {path}",
            "Error detail (HTTP 404): nothing exists at this URL path. {path}: the path, e.g. /api/v1/compnies.");
    public static final Message METHOD_NOT_ALLOWED = new Message(
            "problem.detail.methodNotAllowed",
            "method {method} is not allowed on this resource{allowed, select, none {} other {; allowed: {allowed}}}",
            "Error detail (HTTP 405). {method}: the HTTP method sent; {allowed}: the methods allowed, e.g. GET,"
                    + " POST (or none when unknown; keep that keyword).");
    public static final Message UNSUPPORTED_MEDIA_TYPE = new Message(
            "problem.detail.unsupportedMediaType",
            "{sent, select, none {no Content-Type} other {Content-Type ''{sent}''}} is not supported here; send"
                    + " {supported, select, none {another type} other {{supported}}}",
            "Error detail (HTTP 415). {sent}: the body's media type (or none); {supported}: the accepted types, e.g."
                    + " application/json (or none). Keep the keyword none and the header name Content-Type.");
    public static final Message NOT_ACCEPTABLE = new Message(
            "problem.detail.notAcceptable",
            "cannot answer in any type the Accept header names; this API speaks application/json",
            "Error detail (HTTP 406): the client's Accept header excludes JSON. Keep Accept and application/json.");
    public static final Message UPLOAD_TOO_LARGE = new Message(
            "problem.detail.uploadTooLarge",
            "the upload is too large{limit, select, none {} other { (limit: {limit} bytes)}}",
            "Error detail (HTTP 413). {limit}: the size limit in bytes (or none when unknown; keep that keyword).");
    public static final Message UNAVAILABLE = new Message(
            "problem.detail.unavailable",
            "a service this request needs is unavailable right now; retry later",
            "Error detail (HTTP 503): the database or storage cannot be reached; the cause is only logged.");
    public static final Message INTERNAL = new Message(
            "problem.detail.internal",
            "an unexpected error occurred; quote reference {reference} when reporting it",
            "Error detail (HTTP 500): a bug. {reference}: an id that finds the log line, to quote to support.");
    public static final Message BODY_TOO_LARGE = new Message(
            "problem.detail.bodyTooLarge",
            "the request body is larger than the limit of {limit} bytes",
            "Error detail (HTTP 413). {limit}: the largest body accepted, in bytes.");
    public static final Message RATE_LIMITED = new Message(
            "problem.detail.rateLimited",
            "rate limit of {limit} requests per {window, select, minute {minute} other {{seconds} s}} exceeded; retry"
                    + " in {reset} s",
            "Error detail (HTTP 429). {limit}: requests allowed per window; {window}: minute, or another keyword when"
                    + " the window is {seconds} seconds long (keep the keywords); {reset}: seconds until the window"
                    + " resets. s is the abbreviation for seconds.");
    public static final Message IDEMPOTENCY_KEY_REPEATED = new Message(
            "problem.detail.idempotencyKeyRepeated",
            "send one Idempotency-Key header, not {count}",
            "Error detail (HTTP 400): the request has several Idempotency-Key headers. {count}: how many."
                    + " Keep the header name.");
    public static final Message IDEMPOTENCY_KEY_MALFORMED = new Message(
            "problem.detail.idempotencyKeyMalformed",
            "Idempotency-Key must be 1 to {max} printable ASCII characters",
            "Error detail (HTTP 400): the Idempotency-Key header is empty, too long or not plain ASCII. {max}: the"
                    + " longest key. Keep the header name.");
    public static final Message IDEMPOTENCY_DIFFERENT_REQUEST = new Message(
            "problem.detail.idempotencyDifferentRequest",
            "Idempotency-Key was already used for a different request",
            "Error detail (HTTP 422): a retry with the same Idempotency-Key sent another body or path. Keep the"
                    + " header name.");
    public static final Message IDEMPOTENCY_IN_FLIGHT = new Message(
            "problem.detail.idempotencyInFlight",
            "a request with this Idempotency-Key is still being processed; retry later",
            "Error detail (HTTP 409): the first request with this key has not finished yet. Keep the header name.");
    public static final Message IDEMPOTENCY_UNAVAILABLE = new Message(
            "problem.detail.idempotencyUnavailable",
            "Idempotency-Key cannot be checked right now",
            "Error detail (HTTP 503): the store of idempotency keys (Redis) is unreachable. Keep the header name.");
    public static final Message IDEMPOTENCY_NOT_KEPT = new Message(
            "problem.detail.idempotencyNotKept",
            "a request with this Idempotency-Key was already processed (status {status}), but its response was too"
                    + " large to keep for replay",
            "Error detail (HTTP 409): a retry of a finished request whose answer cannot be repeated. {status}: the"
                    + " HTTP status the first request got. Keep the header name.");
}
