package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;

/** A failure talking to Crowdin, with a message that says what to do about it. */
public final class CrowdinException extends CrmException {

    private final int status;

    CrowdinException(ErrorCategory category, int status, String message, Throwable cause) {
        super(category, message, cause);
        this.status = status;
    }

    CrowdinException(ErrorCategory category, int status, String message) {
        this(category, status, message, null);
    }

    /** The HTTP status Crowdin answered with; 0 when there was no answer (network failure, timeout). */
    public int status() {
        return status;
    }
}
