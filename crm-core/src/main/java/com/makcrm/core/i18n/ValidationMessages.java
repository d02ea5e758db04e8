package com.makcrm.core.i18n;

/**
 * What is wrong with one input field ({@code errors[].message} of a problem, a CLI {@code ERROR:} line). English
 * sources equal the texts these errors carried before they were translatable, so English output does not change.
 * {@code {field}} is always the field's API name (e.g. {@code emails.primary}) and stays untranslated.
 */
public final class ValidationMessages {

    private ValidationMessages() {}

    private static final String FIELD = "{field}: the input field's API name, untranslated (e.g. emails.primary).";
    private static final String VALUE = " {value}: what the user sent, quoted as is.";

    public static final Message REQUIRED =
            new Message("validation.required", "{field}: is required", "Validation error. " + FIELD);
    public static final Message EXPECTED = new Message(
            "validation.expected",
            "{field}: expected {expected, select, string {a string} integer {a whole number} number {a number}"
                    + " boolean {true or false} date {a date like 2025-01-31}"
                    + " dateTime {a date-time with offset like 2025-01-31T09:30:00Z} uuid {an id (UUID)}"
                    + " object {an object} list {a list} other {{expected}}}, got {got}",
            "Validation error: a value of the wrong kind. " + FIELD + " {expected}: a keyword for the kind wanted"
                    + " (keep the keywords, translate each branch); {got}: the value sent, as JSON (null, 'text', 42).");
    public static final Message EMAIL = new Message(
            "validation.email",
            "{field}: ''{value}'' is not a valid email address",
            "Validation error. " + FIELD + VALUE);
    public static final Message PHONE_IMPOSSIBLE = new Message(
            "validation.phone.impossible",
            "{field}: ''{value}'' is not a possible phone number",
            "Validation error: the number parses but cannot exist (too short, too long). " + FIELD + VALUE);
    public static final Message PHONE_UNPARSEABLE = new Message(
            "validation.phone.unparseable",
            "{field}: ''{value}'' is not a phone number",
            "Validation error. " + FIELD + VALUE);
    public static final Message PHONE_NEEDS_COUNTRY = new Message(
            "validation.phone.needsCountry",
            "{field}: ''{value}'' is not a phone number (use international format, e.g. +14155550123)",
            "Validation error: no default country is known, so the number must start with + and the country code. "
                    + FIELD + VALUE);
    public static final Message DOMAIN = new Message(
            "validation.domain",
            "{field}: ''{value}'' is not a valid domain (e.g. example.com)",
            "Validation error: an internet domain name. " + FIELD + VALUE);
    public static final Message URL_NOT_HTTP = new Message(
            "validation.url.notHttp",
            "{field}: ''{value}'' must be an absolute http(s) URL",
            "Validation error: a web address must start with http:// or https://. " + FIELD + VALUE);
    public static final Message URL_SYNTAX = new Message(
            "validation.url.syntax",
            "{field}: ''{value}'' is not a valid URL: {reason}",
            "Validation error. " + FIELD + VALUE + " {reason}: the parser's explanation, in English.");
    public static final Message CURRENCY = new Message(
            "validation.currency",
            "{field}: ''{value}'' is not an ISO 4217 currency code (e.g. USD, EUR, RUB)",
            "Validation error: a three-letter currency code. " + FIELD + VALUE);
    public static final Message COUNTRY = new Message(
            "validation.country",
            "{field}: ''{value}'' is not an ISO 3166 country code (e.g. US, DE, RU)",
            "Validation error: a two-letter country code. " + FIELD + VALUE);
    public static final Message TOO_LONG = new Message(
            "validation.tooLong",
            "{field}: at most {max, plural, one {# character} other {# characters}}, got {length, number, integer}",
            "Validation error: text longer than allowed. " + FIELD + " {max}: the limit; {length}: the length sent.");
    public static final Message CONTROL_CHARACTERS = new Message(
            "validation.controlCharacters",
            "{field}: contains control characters",
            "Validation error: the text holds invisible control characters (other than line breaks and tabs). "
                    + FIELD);
    public static final Message UNSUPPORTED_LOCALE = new Message(
            "validation.unsupportedLocale",
            "{field}: ''{value}'' is not a supported language; one of {supported}",
            "Validation error: a language setting names a language we have no translation for. " + FIELD + VALUE
                    + " {supported}: the language codes we have, e.g. en, ru.");
    public static final Message UNKNOWN_FIELD = new Message(
            "validation.unknownField",
            "{field}: is not a field of this request; known: {known}",
            "Validation error: the request names a field that does not exist. " + FIELD
                    + " {known}: the field names that exist, untranslated.");
    public static final Message UNKNOWN_PARAMETER = new Message(
            "validation.unknownParameter",
            "unknown query parameter ''{field}''; known: {known}",
            "Validation error: the URL has a query parameter the endpoint does not take. {field}: the parameter's"
                    + " name; {known}: the names it takes, untranslated.");
    public static final Message UNKNOWN_PARAMETER_NONE = new Message(
            "validation.unknownParameterNone",
            "unknown query parameter ''{field}''; this endpoint takes none",
            "Validation error: the URL has a query parameter and the endpoint takes none. {field}: its name.");
    public static final Message JSON_REQUIRED = new Message(
            "validation.json.required",
            "a JSON request body is required",
            "Error detail: the request had no body, and this endpoint needs a JSON document.");
    public static final Message JSON_TRUNCATED = new Message(
            "validation.json.truncated",
            "the JSON body ends unexpectedly{line, select, none {} other { (line {line}, column {column})}}",
            "Error detail: the JSON document stops in the middle. {line}, {column}: where (or none when unknown).");
    public static final Message JSON_SYNTAX = new Message(
            "validation.json.syntax",
            "the body is not valid JSON{line, select, none {} other { (line {line}, column {column})}}",
            "Error detail: a JSON syntax error. {line}, {column}: where (or none when unknown).");
    public static final Message JSON_WRONG_KIND = new Message(
            "validation.json.wrongKind",
            "{kind, select, string {must be a string} boolean {must be true or false} number {must be a number}"
                    + " array {must be an array} object {must be an object} other {has a value of the wrong kind}}",
            "Validation error: a JSON field holds the wrong kind of value. Shown after the field's name."
                    + " {kind}: a keyword (keep the keywords, translate each branch).");
    public static final Message JSON_BODY_WRONG_KIND = new Message(
            "validation.json.bodyWrongKind",
            "the JSON body {kind, select, string {must be a string} boolean {must be true or false} number {must be a"
                    + " number} array {must be an array} object {must be an object} other {has a value of the wrong"
                    + " kind}}",
            "Error detail: the whole JSON document is the wrong kind of value (e.g. a list where an object is"
                    + " wanted). {kind}: a keyword (keep the keywords, translate each branch).");
    public static final Message PARAMETER_INVALID = new Message(
            "validation.parameter.invalid",
            "''{value}'' is not a valid {kind, select, uuid {id (a UUID)} number {number} boolean {boolean (true or"
                    + " false)} choice {value (one of {choices})} other {value}}",
            "Validation error: a URL path or query parameter has the wrong kind of value. {value}: what was sent;"
                    + " {kind}: a keyword (keep the keywords); {choices}: the allowed values, untranslated.");
    public static final Message PARAMETER_REQUIRED = new Message(
            "validation.parameter.required",
            "query parameter ''{name}'' is required",
            "Validation error: the URL lacks a query parameter the endpoint needs. {name}: the parameter's name.");
}
