package com.makcrm.core.value;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.ValidationMessages;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalization and validation of the value kinds CRM data is made of. Each method returns the one stored form,
 * or throws INVALID naming the field and the rule, so duplicates are found however a user typed the value.
 */
public final class Values {

    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Values() {}

    /** Lowercase, trimmed; rejects anything that is not a plausible address. */
    public static String email(String field, String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw invalid(ValidationMessages.EMAIL, field, raw);
        }
        return value;
    }

    /**
     * E.164 ({@code +79123456789}). Numbers without a country code are read in {@code defaultRegion} (ISO 3166
     * alpha-2) when one is given.
     */
    public static String phone(String field, String raw, String defaultRegion) {
        try {
            PhoneNumber number = PHONES.parse(raw.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            if (!PHONES.isPossibleNumber(number)) {
                throw invalid(ValidationMessages.PHONE_IMPOSSIBLE, field, raw);
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid(
                    defaultRegion == null
                            ? ValidationMessages.PHONE_NEEDS_COUNTRY
                            : ValidationMessages.PHONE_UNPARSEABLE,
                    field,
                    raw);
        }
    }

    /** A bare host name: scheme, path, port and a leading {@code www.} removed; IDN converted to ASCII. */
    public static String domain(String field, String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        value = value.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        value = value.replaceFirst("[/?#].*$", "").replaceFirst(":\\d+$", "");
        value = value.startsWith("www.") ? value.substring(4) : value;
        value = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        try {
            value = IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(ValidationMessages.DOMAIN, field, raw);
        }
        if (!DOMAIN.matcher(value).matches()) {
            throw invalid(ValidationMessages.DOMAIN, field, raw);
        }
        return value;
    }

    /** An absolute http(s) URL of reasonable length. */
    public static String url(String field, String raw) {
        String value = raw.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || value.length() > 2048) {
                throw invalid(ValidationMessages.URL_NOT_HTTP, field, raw);
            }
            return value;
        } catch (URISyntaxException e) {
            throw CrmException.invalid(
                    ValidationMessages.URL_SYNTAX, Map.of("field", field, "value", raw, "reason", e.getReason()));
        }
    }

    /** ISO 4217, upper case. */
    public static String currency(String field, String raw) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid(ValidationMessages.CURRENCY, field, raw);
        }
    }

    /** ISO 3166 alpha-2, upper case. */
    public static String country(String field, String raw) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(value)) {
            throw invalid(ValidationMessages.COUNTRY, field, raw);
        }
        return value;
    }

    /** Trimmed text within a length limit; blank becomes null. */
    public static String text(String field, String raw, int maxLength) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw CrmException.invalid(
                    ValidationMessages.TOO_LONG, Map.of("field", field, "max", maxLength, "length", value.length()));
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw CrmException.invalid(ValidationMessages.CONTROL_CHARACTERS, Map.of("field", field));
        }
        return value;
    }

    /** INVALID: {@code raw} is not acceptable as {@code field}, for the reason {@code message} names. */
    private static CrmException invalid(Message message, String field, String raw) {
        return CrmException.invalid(message, Map.of("field", field, "value", raw));
    }
}
