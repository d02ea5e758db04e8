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
}
