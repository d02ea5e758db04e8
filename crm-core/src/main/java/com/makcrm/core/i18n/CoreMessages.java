package com.makcrm.core.i18n;

import com.makcrm.core.error.ErrorCategory;

/**
 * Messages shared by the server, the CLI and the bot. English sources of error details equal the text the matching
 * {@link com.makcrm.core.error.CrmException} has always carried, so English output does not change.
 */
public final class CoreMessages {

    private CoreMessages() {}

    // problem titles (RFC 9457 "title"), one per ErrorCategory

    public static final Message PROBLEM_INVALID_TITLE = new Message(
            "problem.invalid.title", "Invalid request", "Title of an error response: the request was malformed.");
    public static final Message PROBLEM_NOT_FOUND_TITLE = new Message(
            "problem.notFound.title", "Not found", "Title of an error response: the named thing does not exist.");
    public static final Message PROBLEM_CONFLICT_TITLE = new Message(
            "problem.conflict.title",
            "Conflict",
            "Title of an error response: the request clashes with the current state (duplicate, concurrent change).");
    public static final Message PROBLEM_FORBIDDEN_TITLE = new Message(
            "problem.forbidden.title", "Forbidden", "Title of an error response: the caller may not do this.");
    public static final Message PROBLEM_UNAVAILABLE_TITLE = new Message(
            "problem.unavailable.title",
            "Service unavailable",
            "Title of an error response: a service we depend on (database, storage) cannot be reached.");
    public static final Message PROBLEM_MIGRATION_FAILED_TITLE = new Message(
            "problem.migrationFailed.title",
            "Schema migration failed",
            "Title of an error response: a database schema migration failed.");
    public static final Message PROBLEM_INTERNAL_TITLE =
            new Message("problem.internal.title", "Internal error", "Title of an error response: a bug on our side.");

    // problem titles of errors only HTTP has (no ErrorCategory): authentication, methods, media types, limits

    public static final Message PROBLEM_UNAUTHORIZED_TITLE = new Message(
            "problem.unauthorized.title",
            "Authentication required",
            "Title of an error response (HTTP 401): the request has no valid credentials.");
    public static final Message PROBLEM_METHOD_NOT_ALLOWED_TITLE = new Message(
            "problem.methodNotAllowed.title",
            "Method not allowed",
            "Title of an error response (HTTP 405): the HTTP method is not allowed on this resource.");
    public static final Message PROBLEM_NOT_ACCEPTABLE_TITLE = new Message(
            "problem.notAcceptable.title",
            "Not acceptable",
            "Title of an error response (HTTP 406): the server cannot answer in a format the client accepts.");
    public static final Message PROBLEM_PRECONDITION_FAILED_TITLE = new Message(
            "problem.preconditionFailed.title",
            "Precondition failed",
            "Title of an error response (HTTP 412): a condition of the request (If-Match) does not hold.");
    public static final Message PROBLEM_PRECONDITION_REQUIRED_TITLE = new Message(
            "problem.preconditionRequired.title",
            "Precondition required",
            "Title of an error response (HTTP 428): the request must name the version it changes (If-Match).");
    public static final Message PROBLEM_PAYLOAD_TOO_LARGE_TITLE = new Message(
            "problem.payloadTooLarge.title",
            "Payload too large",
            "Title of an error response (HTTP 413): the request body is larger than allowed.");
    public static final Message PROBLEM_UNSUPPORTED_MEDIA_TYPE_TITLE = new Message(
            "problem.unsupportedMediaType.title",
            "Unsupported media type",
            "Title of an error response (HTTP 415): the request body's format is not accepted.");
    public static final Message PROBLEM_UNPROCESSABLE_TITLE = new Message(
            "problem.unprocessable.title",
            "Unprocessable content",
            "Title of an error response (HTTP 422): the request is well-formed but cannot be processed.");
    public static final Message PROBLEM_RATE_LIMITED_TITLE = new Message(
            "problem.rateLimited.title",
            "Too many requests",
            "Title of an error response (HTTP 429): the caller sent too many requests.");

    // error details

    public static final Message TENANT_NOT_FOUND = new Message(
            "tenant.notFound",
            "tenant ''{slug}'' not found",
            "Error detail. {slug}: the tenant's short name as the user typed it. A tenant is one customer"
                    + " organisation with its own data.");
    public static final Message TENANT_NOT_FOUND_BY_ID = new Message(
            "tenant.notFoundById", "tenant {id} not found", "Error detail. {id}: the tenant's technical id (a UUID).");
    public static final Message RECORD_NOT_FOUND = new Message(
            "record.notFound",
            "{object} {id} not found",
            "Error detail. {object}: the API name of the record's object type, untranslated (e.g. person, company);"
                    + " {id}: the record id (a UUID).");
    public static final Message VALIDATION_FIELDS_INVALID = new Message(
            "validation.fieldsInvalid",
            "{count, plural, one {# field is} other {# fields are}} invalid",
            "Error summary. {count}: how many input fields failed validation.");
    public static final Message RATE_LIMIT_EXCEEDED = new Message(
            "rateLimit.exceeded",
            "Too many requests: retry in {seconds, plural, one {# second} other {# seconds}}",
            "Error detail. {seconds}: whole seconds until the client may retry.");
    public static final Message STORAGE_QUOTA_EXCEEDED = new Message(
            "storage.quotaExceeded",
            "storage quota exceeded: {used, number} of {limit, number} MB used",
            "Error detail. {used}: megabytes in use; {limit}: the tenant's quota in megabytes.");
    public static final Message TENANT_DELETED_ON = new Message(
            "tenant.deletedOn",
            "tenant ''{slug}'' was deleted on {date, date, long} and is purged after the grace period",
            "Error detail. {slug}: the tenant's short name; {date}: the day it was deleted.");
    public static final Message RECORD_CHANGED_BY = new Message(
            "record.changedBy",
            "{actorKind, select, cli {changed from the command line by {actor}} api {changed through the API by"
                    + " {actor}} other {changed by {actor}}}",
            "Timeline entry. {actorKind}: cli, api or another channel (keep these keywords); {actor}: the user's"
                    + " name.");

    /** The title of the problem response for {@code category}. */
    public static Message title(ErrorCategory category) {
        return switch (category) {
            case INVALID -> PROBLEM_INVALID_TITLE;
            case NOT_FOUND -> PROBLEM_NOT_FOUND_TITLE;
            case CONFLICT -> PROBLEM_CONFLICT_TITLE;
            case FORBIDDEN -> PROBLEM_FORBIDDEN_TITLE;
            case UNAVAILABLE -> PROBLEM_UNAVAILABLE_TITLE;
            case MIGRATION_FAILED -> PROBLEM_MIGRATION_FAILED_TITLE;
            case INTERNAL -> PROBLEM_INTERNAL_TITLE;
        };
    }
}
