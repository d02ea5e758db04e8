package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;

/**
 * CONFLICT: the pipeline was changed by another transaction between our read and our write (the version check
 * in the UPDATE matched no row). The service turns it into a message naming both versions.
 */
final class ConcurrentChangeException extends CrmException {

    private final int versionSeen;

    ConcurrentChangeException(int versionSeen, Throwable cause) {
        super(ErrorCategory.CONFLICT, "the pipeline was changed by another request at the same time", cause);
        this.versionSeen = versionSeen;
    }

    int versionSeen() {
        return versionSeen;
    }
}
