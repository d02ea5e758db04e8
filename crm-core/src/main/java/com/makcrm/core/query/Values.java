package com.makcrm.core.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts text (from a filter or a cursor) to the Java type bound for a {@link FieldType}, and back to text
 * for cursors. A value that does not convert is reported with what was expected.
 */
final class Values {

    /**
     * Thrown with the expectation, a keyword of {@link com.makcrm.core.i18n.QueryMessages#INVALID_VALUE}'s
     * {@code expected} select; callers add which field, operator and position.
     */
    static final class Mismatch extends Exception {
        private final String expected;

        Mismatch(String expected) {
            super(expected, null, false, false);
            this.expected = expected;
        }

        String expected() {
            return expected;
        }
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern WHOLE = Pattern.compile("^[+-]?[0-9]{1,18}$");
    // PostgreSQL numeric allows 131072 digits before the point; far beyond any CRM amount, so cap it early
    private static final Pattern DECIMAL = Pattern.compile("^[+-]?[0-9]{1,100}(\\.[0-9]{1,100})?$");

    private Values() {}

    static Object parse(FieldType type, String text) throws Mismatch {
        if (text.indexOf('\0') >= 0) {
            throw new Mismatch("noNul");
        }
        return switch (type) {
            case NUMBER -> decimal(text);
            case INTEGER -> whole(text, "integer");
            case CURRENCY -> whole(text, "currency");
            case BOOLEAN -> bool(text);
            case DATE -> date(text);
            case DATETIME -> dateTime(text);
            case UUID -> uuid(text);
            default -> text;
        };
    }

    /** The canonical text of a bound value, which {@link #parse} reads back to an equal value. */
    static String format(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static BigDecimal decimal(String text) throws Mismatch {
        if (!DECIMAL.matcher(text).matches()) {
            throw new Mismatch("number");
        }
        return new BigDecimal(text);
    }

    private static Long whole(String text, String expected) throws Mismatch {
        if (!WHOLE.matcher(text).matches()) {
            throw new Mismatch(expected);
        }
        return Long.parseLong(text);
    }

    private static Boolean bool(String text) throws Mismatch {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new Mismatch("boolean");
        }
        return Boolean.valueOf(lower);
    }

    private static LocalDate date(String text) throws Mismatch {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Mismatch("date");
        }
    }

    private static OffsetDateTime dateTime(String text) throws Mismatch {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new Mismatch("dateTime");
        }
    }

    // UUID.fromString accepts short groups like 1-1-1-1-1; only the canonical form is a UUID here
    private static UUID uuid(String text) throws Mismatch {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new Mismatch("uuid");
        }
        return UUID.fromString(text);
    }
}
