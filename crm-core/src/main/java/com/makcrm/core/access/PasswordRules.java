package com.makcrm.core.access;

import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AccessMessages;
import java.util.Locale;
import java.util.Map;

/** What a new password must be. Length matters most (NIST SP 800-63B); composition rules are deliberately absent. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {}

    /** Why {@code password} is not acceptable for the account {@code email}, in English, or null when it is. */
    public static String problem(String password, String email) {
        FieldError error = check("password", password, email);
        return error == null ? null : error.message();
    }

    /**
     * Why {@code password} is not acceptable for the account {@code email}, as a translatable error of the input
     * field {@code field}, or null when it is.
     */
    public static FieldError check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            return FieldError.of(field, AccessMessages.PASSWORD_REQUIRED, Map.of());
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return FieldError.of(field, AccessMessages.PASSWORD_TOO_SHORT, Map.of("min", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            return FieldError.of(field, AccessMessages.PASSWORD_TOO_LONG, Map.of("max", MAX_LENGTH));
        }
        if (password.codePoints().distinct().count() == 1) {
            return FieldError.of(field, AccessMessages.PASSWORD_REPEATED, Map.of());
        }
        if (email != null
                && password.strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(email.strip().toLowerCase(Locale.ROOT))) {
            return FieldError.of(field, AccessMessages.PASSWORD_IS_EMAIL, Map.of());
        }
        return null;
    }
}
