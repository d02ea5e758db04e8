package com.makcrm.core.error;

import java.util.Objects;

/** The one exception type crm-core throws on purpose; its {@link ErrorCategory} decides how it is reported. */
public class CrmException extends RuntimeException {

    private final ErrorCategory category;

    public CrmException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public CrmException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    public ErrorCategory category() {
        return category;
    }

    public static CrmException invalid(String message) {
        return new CrmException(ErrorCategory.INVALID, message);
    }

    public static CrmException notFound(String message) {
        return new CrmException(ErrorCategory.NOT_FOUND, message);
    }

    public static CrmException conflict(String message) {
        return new CrmException(ErrorCategory.CONFLICT, message);
    }

    public static CrmException unavailable(String message, Throwable cause) {
        return new CrmException(ErrorCategory.UNAVAILABLE, message, cause);
    }

    public static CrmException internal(String message, Throwable cause) {
        return new CrmException(ErrorCategory.INTERNAL, message, cause);
    }
}
