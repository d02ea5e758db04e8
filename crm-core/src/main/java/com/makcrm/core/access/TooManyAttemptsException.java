package com.makcrm.core.access;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.AccessMessages;
import java.time.Duration;
import java.util.Map;

/** Logins are locked for a while after repeated failures; the server answers 429 with {@code Retry-After}. */
public class TooManyAttemptsException extends CrmException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(
                ErrorCategory.FORBIDDEN,
                AccessMessages.TOO_MANY_LOGIN_ATTEMPTS.english(Map.of("seconds", wholeSeconds(retryAfter))));
        this.retryAfter = Duration.ofSeconds(wholeSeconds(retryAfter));
        withMessage(AccessMessages.TOO_MANY_LOGIN_ATTEMPTS, Map.of("seconds", this.retryAfter.toSeconds()));
    }

    /** How long until a login may be attempted again, in whole seconds rounded up (at least one). */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static long wholeSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
