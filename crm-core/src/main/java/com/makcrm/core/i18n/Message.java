package com.makcrm.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Map;
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

    /**
     * The English source with {@code args}, without any catalog: the text an exception carries as its plain
     * message. Never throws; a source that cannot be formatted comes back as it is.
     */
    public String english(Map<String, ?> args) {
        try {
            return new MessageFormat(source, ULocale.ENGLISH).format(Messages.arguments(args));
        } catch (RuntimeException e) {
            return source;
        }
    }
}
