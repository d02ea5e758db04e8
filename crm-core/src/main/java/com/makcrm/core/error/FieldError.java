package com.makcrm.core.error;

import com.makcrm.core.i18n.Message;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One invalid input field: its path as the caller named it (e.g. {@code emails.primary}, {@code custom.tier}) and
 * what is wrong, in English. It may also carry that text as a translatable {@link Message} with arguments
 * ({@link #of}), so the server and the CLI can show it in the reader's language; {@link #message()} is always the
 * English form.
 */
public record FieldError(String field, String message, Message localized, Map<String, Object> args) {

    public FieldError {
        args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** An error with English text only. */
    public FieldError(String field, String message) {
        this(field, message, null, Map.of());
    }

    /** An error whose text is {@code message} with {@code args}; the English form is rendered from its source. */
    public static FieldError of(String field, Message message, Map<String, ?> args) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> copy = args == null ? Map.of() : new LinkedHashMap<>(args);
        return new FieldError(field, message.english(copy), message, copy);
    }
}
