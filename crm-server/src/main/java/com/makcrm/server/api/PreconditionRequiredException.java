package com.makcrm.server.api;

import com.makcrm.core.i18n.Message;
import java.util.Map;
import java.util.Objects;

/**
 * A write came without the {@code If-Match} it needs: 428 Precondition Required. {@link #getMessage()} is English;
 * {@link #localized()} with {@link #args()} is the same text in translatable form.
 */
public final class PreconditionRequiredException extends RuntimeException {

    private final transient Message localized;
    private final transient Map<String, Object> args;

    public PreconditionRequiredException(Message message, Map<String, ?> args) {
        super(Objects.requireNonNull(message, "message").english(args));
        this.localized = message;
        this.args = args == null ? Map.of() : Map.copyOf(args);
    }

    /** The translatable form of the message. */
    public Message localized() {
        return localized;
    }

    public Map<String, Object> args() {
        return args;
    }
}
