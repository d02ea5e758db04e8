package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Message;
import java.util.Map;

/** Translatable failures of categories {@link CrmException} has no message-taking factory for. */
final class Failures {

    private Failures() {}

    /** UNAVAILABLE with a translatable message and a cause; the English text is rendered from its source. */
    static CrmException unavailable(Message message, Map<String, ?> args, Throwable cause) {
        return new CrmException(ErrorCategory.UNAVAILABLE, message.english(args), cause).withMessage(message, args);
    }
}
