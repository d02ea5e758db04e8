package com.makcrm.core.error;

import com.makcrm.core.i18n.Message;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one exception type crm-core throws on purpose; its {@link ErrorCategory} decides how it is reported.
 *
 * <p>{@link #getMessage()} is English. An exception may also carry its message as a translatable {@link Message}
 * with arguments ({@link #withMessage}), so entry points can show it in the caller's language; its English source
 * formats to the same text as {@link #getMessage()}.
 */
public class CrmException extends RuntimeException {

    private final ErrorCategory category;
    private final List<FieldError> fieldErrors;
    private transient Message message;
    private transient Map<String, Object> messageArgs = Map.of();

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

    /**
     * Attaches the translatable form of this exception's message; returns this exception, for
     * {@code throw CrmException.notFound("...").withMessage(CoreMessages.X, Map.of(...))}.
     */
    public CrmException withMessage(Message localized, Map<String, ?> args) {
        this.message = Objects.requireNonNull(localized, "message");
        this.messageArgs = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
        return this;
    }

    /** The translatable form of the message, or null when only the English {@link #getMessage()} exists. */
    public Message message() {
        return message;
    }

    /** The arguments of {@link #message()}; empty without one. */
    public Map<String, Object> messageArgs() {
        return messageArgs;
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

    /** INVALID with a translatable message; the English text is rendered from its source. */
    public static CrmException invalid(Message message, Map<String, ?> args) {
        return invalid(message.english(args)).withMessage(message, args);
    }

    /** NOT_FOUND with a translatable message; the English text is rendered from its source. */
    public static CrmException notFound(Message message, Map<String, ?> args) {
        return notFound(message.english(args)).withMessage(message, args);
    }

    /** CONFLICT with a translatable message; the English text is rendered from its source. */
    public static CrmException conflict(Message message, Map<String, ?> args) {
        return conflict(message.english(args)).withMessage(message, args);
    }

    /**
     * {@code e} as item {@code index} of the request's list {@code list} (e.g. {@code records}): the same category,
     * its field errors under {@code list[index].}, and {@code message} (given {@code args}) around it.
     */
    public static CrmException inList(String list, int index, CrmException e, Message message, Map<String, ?> args) {
        String prefix = list + "[" + index + "].";
        List<FieldError> fields = e.fieldErrors().stream()
                .map(f -> new FieldError(prefix + f.field(), f.message(), f.localized(), f.args()))
                .toList();
        return new CrmException(e.category(), message.english(args), e, fields).withMessage(message, args);
    }

    /** Any category, with a translatable message; the English text is rendered from its source. */
    public static CrmException of(ErrorCategory category, Message message, Map<String, ?> args) {
        return new CrmException(category, message.english(args)).withMessage(message, args);
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
