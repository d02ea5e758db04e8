package com.makcrm.core.error;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The one exception type crm-core throws on purpose; its {@link ErrorCategory} decides how it is reported. */
public class CrmException extends RuntimeException {

    private final ErrorCategory category;
    private final List<FieldError> fieldErrors;

    public CrmException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public CrmException(ErrorCategory category, String message, Throwable cause) {
        this(category, message, cause, List.of());
    }

    private CrmException(ErrorCategory category, String message, Throwable cause, List<FieldError> fieldErrors) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCategory category() {
        return category;
    }

    /** The invalid fields, when the error is about input fields; empty otherwise. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** INVALID for one or more input fields; the message lists them all. */
    public static CrmException invalidFields(List<FieldError> errors) {
        String message = errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return new CrmException(ErrorCategory.INVALID, message, null, errors);
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
