package com.makcrm.core.value;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.ValidationMessages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads typed values out of decoded JSON (strings, numbers, booleans, lists, maps), with INVALID errors that name
 * the field and say what was expected.
 */
public final class Coerce {

    private Coerce() {}

    public static String string(String field, Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        throw expected(field, "string", raw);
    }

    public static long integer(String field, Object raw) {
        BigDecimal n = number(field, raw);
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw expected(field, "integer", raw);
        }
    }

    public static BigDecimal number(String field, Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw expected(field, "number", raw);
            }
        }
        throw expected(field, "number", raw);
    }

    public static boolean bool(String field, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw expected(field, "boolean", raw);
    }

    public static LocalDate date(String field, Object raw) {
        try {
            return LocalDate.parse(string(field, raw).strip());
        } catch (DateTimeParseException e) {
            throw expected(field, "date", raw);
        }
    }

    public static Instant dateTime(String field, Object raw) {
        String s = string(field, raw).strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw expected(field, "dateTime", raw);
        }
    }

    public static UUID uuid(String field, Object raw) {
        try {
            return UUID.fromString(string(field, raw).strip());
        } catch (IllegalArgumentException e) {
            throw expected(field, "uuid", raw);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String field, Object raw) {
        if (raw instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw expected(field, "object", raw);
    }

    public static List<Object> list(String field, Object raw) {
        if (raw instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw expected(field, "list", raw);
    }

    /** INVALID: {@code field} held {@code raw}, not the {@code kind} of value wanted (a keyword of the message). */
    private static CrmException expected(String field, String kind, Object raw) {
        String got =
                raw == null ? "null" : raw instanceof String s ? "'" + abbreviate(s) + "'" : abbreviate(raw.toString());
        return CrmException.invalid(ValidationMessages.EXPECTED, Map.of("field", field, "expected", kind, "got", got));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
