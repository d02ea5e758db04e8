package com.makcrm.core.i18n;

import java.util.Objects;

/**
 * A translatable message: explicit id (e.g. {@code problem.notFound.title}), English ICU MessageFormat source, and
 * a hint for translators (what the message is for, what each placeholder holds). Declared as constants in a
 * {@code *Messages} class listed by {@link MessageRegistry}; {@code crm i18n extract} writes them to the catalogs.
 */
public record Message(String id, String source, String comment) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a message id must not be blank");
        }
        comment = comment == null ? "" : comment;
    }
}
