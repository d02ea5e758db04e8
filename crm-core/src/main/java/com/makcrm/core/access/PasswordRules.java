package com.makcrm.core.access;

import java.util.Locale;

/** What a new password must be. Length matters most (NIST SP 800-63B); composition rules are deliberately absent. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {}

    /** Why {@code password} is not acceptable for the account {@code email}, or null when it is. */
    public static String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "a password is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters long";
        }
        if (length > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters long";
        }
        if (password.codePoints().distinct().count() == 1) {
            return "must not be one character repeated";
        }
        if (email != null
                && password.strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(email.strip().toLowerCase(Locale.ROOT))) {
            return "must not be the email address";
        }
        return null;
    }
}
