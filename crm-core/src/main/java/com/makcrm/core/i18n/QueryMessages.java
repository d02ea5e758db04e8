package com.makcrm.core.i18n;

/**
 * Errors in the filter, order and cursor of a list request ({@code ?filter=name[eq]:x&order=amount[desc]}), read by
 * API users writing them. English sources equal the texts these errors carried before they were translatable.
 * Operator names (eq, in, isNull), sort options (asc, nullsLast), combinators (and, or, not), field names, type
 * names and syntax examples are part of the query language and stay untranslated; so do {@code {clause}}
 * (the query parameter, {@code filter} or {@code order}) and the parameter names limit and nextCursor.
 */
public final class QueryMessages {

    private QueryMessages() {}

    private static final String CLAUSE =
            " {clause}: the query parameter with the error, filter or order (untranslated: it is its name).";
    private static final String POSITION = " {position}: the 1-based character position in the parameter.";
    private static final String KEEP =
            " Keep the operator names, field names and syntax examples (name[eq]:value, (a,b)) as they are.";

    public static final Message UNEXPECTED = new Message(
            "query.unexpected",
            "{at, select, end {unexpected end of {clause} at position {position}}"
                    + " other {unexpected ''{token}'' at position {position} in {clause}}}, expected"
                    + " {expected, select,"
                    + " condition {a condition such as name[eq]:value, or and(, or(, not(}"
                    + " filterEnd {the end of the filter}"
                    + " openParen {''(''}"
                    + " notCloseParen {'')'' (not takes exactly one condition)}"
                    + " commaOrCloseParen {'','' or '')''}"
                    + " operatorBracket {''['' and an operator, as in {path}[eq]:value}"
                    + " closeBracket {'']''}"
                    + " operator {an operator ({operators})}"
                    + " noValue {no value: {operator} takes none}"
                    + " colonValue {'':'' and a value}"
                    + " oneValue {one value (quote it to search for ''('')}"
                    + " value {a value}"
                    + " colonValueOrList {'':'' and a value or a list like (a,b)}"
                    + " valueOrList {a value or a list like (a,b)}"
                    + " nameAfterDot {a name after ''.''}"
                    + " orderEnd {'','' or the end of the order}"
                    + " fieldName {a field name}"
                    + " sortOption {asc, desc, nullsFirst or nullsLast}"
                    + " commaOrCloseBracket {'','' or '']''}"
                    + " other {{expected}}}",
            "Syntax error in a filter or order. {at}: end when the text ended too early, else token (keep the"
                    + " keywords); {token}: the word found, as the user wrote it;" + CLAUSE + POSITION
                    + " {expected}: a keyword for what should have come there (keep the keywords, translate each"
                    + " branch); {path}: the field name written; {operator}: one operator name; {operators}: the"
                    + " list of all operator names." + KEEP);
    public static final Message UNTERMINATED_QUOTE = new Message(
            "query.unterminatedQuote",
            "unterminated quoted value starting at position {position} in {clause}",
            "Syntax error: a value opened with a double quote is never closed." + CLAUSE + POSITION);
    public static final Message UNTERMINATED_ESCAPE = new Message(
            "query.unterminatedEscape",
            "unterminated escape at position {position} in {clause}",
            "Syntax error: a quoted value ends with a backslash." + CLAUSE + POSITION);
    public static final Message INVALID_ESCAPE = new Message(
            "query.invalidEscape",
            "invalid escape ''\\{character}'' at position {position} in {clause}, only \\\" and \\\\ are allowed",
            "Syntax error: a backslash in a quoted value is followed by a character other than a double quote or a"
                    + " backslash. {character}: that character." + CLAUSE + POSITION);
    public static final Message TOO_LONG = new Message(
            "query.tooLong",
            "{clause} is too long: {length} characters, at most {max}",
            "The filter or order text is longer than allowed." + CLAUSE
                    + " {length}: its length in characters; {max}: the limit.");
    public static final Message TOO_DEEP = new Message(
            "query.tooDeep",
            "filter nests deeper than {max} levels at position {position}",
            "A filter has too many and(...)/or(...)/not(...) groups inside each other. {max}: the most levels"
                    + " allowed." + POSITION);
    public static final Message UNKNOWN_COMBINATOR = new Message(
            "query.unknownCombinator",
            "unknown combinator ''{combinator}'' at position {position} in filter, expected and, or or not",
            "A filter group starts with a word other than and, or, not (these three stay untranslated)."
                    + " {combinator}: the word written." + POSITION);
    public static final Message TOO_MANY_CONDITIONS = new Message(
            "query.tooManyConditions",
            "filter has more than {max} conditions; the one at position {position} is one too many",
            "A filter has more conditions (like name[eq]:x) than allowed. {max}: the limit." + POSITION);
    public static final Message UNKNOWN_OPERATOR = new Message(
            "query.unknownOperator",
            "unknown operator ''{operator}'' at position {position} in filter, expected one of {operators}",
            "A filter condition names an operator that does not exist. {operator}: what was written; {operators}:"
                    + " the operator names that exist (untranslated)." + POSITION);
    public static final Message TOO_MANY_VALUES = new Message(
            "query.tooManyValues",
            "too many values for {operator} at position {position} in filter: at most {max}",
            "A list like (a,b,c) after in or nin is longer than allowed. {operator}: the operator name"
                    + " (untranslated); {max}: the limit." + POSITION);
    public static final Message SORTED_TWICE = new Message(
            "query.sortedTwice",
            "field ''{field}'' is sorted twice, again at position {position} in order",
            "The order names a field twice. {field}: the field name (untranslated)." + POSITION);
    public static final Message TOO_MANY_SORT_KEYS = new Message(
            "query.tooManySortKeys",
            "order has more than {max} keys; ''{field}'' at position {position} is one too many",
            "The order names more fields than allowed. {max}: the limit; {field}: the first field over it"
                    + " (untranslated)." + POSITION);
    public static final Message UNKNOWN_SORT_OPTION = new Message(
            "query.unknownSortOption",
            "unknown sort option ''{option}'' at position {position} in order, expected asc, desc, nullsFirst or"
                    + " nullsLast",
            "A field in the order has an option in [...] that does not exist. {option}: what was written; asc,"
                    + " desc, nullsFirst, nullsLast are the options (untranslated)." + POSITION);
    public static final Message CONFLICTING_SORT_OPTION = new Message(
            "query.conflictingSortOption",
            "conflicting sort option ''{option}'' at position {position} in order: give one direction and at most"
                    + " one nulls placement",
            "A field in the order has two directions (asc and desc) or two nulls placements (nullsFirst and"
                    + " nullsLast). {option}: the second one (untranslated)." + POSITION);
    public static final Message OPERATOR_NOT_ALLOWED = new Message(
            "query.operatorNotAllowed",
            "operator ''{operator}'' is not allowed on field ''{field}'' of type {type} (at position {position} in"
                    + " filter); allowed: {allowed}",
            "A filter condition uses an operator the field's type does not support. {operator}: the operator;"
                    + " {field}: the field name; {type}: the field's type, e.g. TEXT, BOOLEAN; {allowed}: the operators"
                    + " it supports (all untranslated)." + POSITION);
    public static final Message INVALID_VALUE = new Message(
            "query.invalidValue",
            "invalid value ''{value}'' for {field}[{operator}] at position {position} in filter: expected"
                    + " {expected, select,"
                    + " noNul {text without NUL characters}"
                    + " number {a number such as 12.5}"
                    + " integer {a whole number}"
                    + " currency {an amount in minor units, a whole number such as 100000}"
                    + " boolean {true or false}"
                    + " date {a date as YYYY-MM-DD}"
                    + " dateTime {a date-time with offset (ISO 8601) such as 2024-05-01T10:00:00Z}"
                    + " uuid {a UUID such as 0190c5a4-7b3e-7c1d-9a2b-3c4d5e6f7a8b}"
                    + " other {{expected}}}",
            "A filter value does not fit its field's type. {value}: the value written (maybe shortened with ...);"
                    + " {field}[{operator}]: the field and operator, as written (untranslated); {expected}: a keyword"
                    + " for the kind of value wanted (keep the keywords, translate each branch; true, false and the"
                    + " examples stay as they are)." + POSITION);
    public static final Message NOT_AN_OPTION = new Message(
            "query.notAnOption",
            "''{value}'' is not an option of field ''{field}'' (at position {position} in filter); options: {options}",
            "A filter compares a select field with a value that is not one of its options. {value}: the value"
                    + " written; {field}: the field name; {options}: the options it has (all untranslated)."
                    + POSITION);
    public static final Message NOT_FILTERABLE = new Message(
            "query.notFilterable",
            "field ''{field}'' cannot be filtered (at position {position} in filter)",
            "A filter names a field that filters may not use. {field}: the field name (untranslated)." + POSITION);
    public static final Message NOT_SORTABLE = new Message(
            "query.notSortable",
            "field ''{field}'' of type {type} cannot be sorted (at position {position} in order)",
            "The order names a field that cannot be sorted by. {field}: the field name; {type}: its type, e.g."
                    + " TEXT, MULTI_SELECT (both untranslated)." + POSITION);
    public static final Message UNKNOWN_FIELD = new Message(
            "query.unknownField",
            "unknown field ''{field}'' on {object} at position {position} in {clause}",
            "A filter or order names a field that does not exist. {field}: the name written; {object}: the kind of"
                    + " record searched, its API name, e.g. opportunity (both untranslated)." + CLAUSE + POSITION);
    public static final Message UNKNOWN_RELATED_FIELD = new Message(
            "query.unknownRelatedField",
            "unknown field ''{field}'' on {object} (in ''{path}'') at position {position} in {clause}",
            "A filter or order names a field of a related record (company.name) that does not exist. {field}: the"
                    + " part after the dot; {object}: the related record's API name, e.g. company; {path}: the whole"
                    + " name written (all untranslated)." + CLAUSE + POSITION);
    public static final Message LIMIT = new Message(
            "query.limit",
            "limit must be between 1 and {max}, got {limit}",
            "The limit query parameter (page size; its name stays untranslated) is out of range. {max}: the"
                    + " largest allowed; {limit}: the value sent.");
    public static final Message CURSOR_INVALID = new Message(
            "query.cursor.invalid",
            "invalid cursor: use the nextCursor of a previous page unchanged",
            "The cursor query parameter was altered or made up. nextCursor is a field of the previous response,"
                    + " keep it untranslated.");
    public static final Message CURSOR_TOO_LONG = new Message(
            "query.cursor.tooLong",
            "invalid cursor: use the nextCursor of a previous page unchanged (too long)",
            "The cursor query parameter is longer than any cursor we make. nextCursor is a field of the previous"
                    + " response, keep it untranslated.");
    public static final Message CURSOR_OTHER_ORDER = new Message(
            "query.cursor.otherOrder",
            "cursor was made for a different order; request the first page again",
            "The cursor query parameter came from a listing sorted differently (another order parameter).");
}
