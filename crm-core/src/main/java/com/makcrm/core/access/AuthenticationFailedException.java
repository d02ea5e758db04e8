package com.makcrm.core.access;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Message;
import java.util.Map;

/**
 * A credential was wrong, unknown, expired or revoked. A FORBIDDEN for entry points that only know categories; the
 * server answers it with 401 and {@code WWW-Authenticate}. Messages never say which part was wrong.
 */
public class AuthenticationFailedException extends CrmException {

    public AuthenticationFailedException(String message) {
        super(ErrorCategory.FORBIDDEN, message);
    }

    /** With a translatable message; the English text is rendered from its source. */
    public AuthenticationFailedException(Message message, Map<String, ?> args) {
        super(ErrorCategory.FORBIDDEN, message.english(args));
        withMessage(message, args);
    }
}
