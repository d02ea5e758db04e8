package com.makcrm.core.i18n;

import com.makcrm.core.i18n.MessageRegistry.Declared;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merges the messages declared in code into one locale's catalog, as Lingui's extract does with explicit ids:
 * existing entries keep their translation (and their exact bytes when nothing about them changed), new ones are
 * appended, ones no longer declared become obsolete ({@code #~}). Running it twice changes nothing the second time.
 *
 * <p>Per locale: {@code en} gets the source as its text, {@code pseudo} the pseudo-localized source, any other
 * locale keeps its translation (empty for a new message) and is marked fuzzy when its English source changed.
 */
public final class CatalogExtractor {

    private CatalogExtractor() {}

    /**
     * {@code existing} (null for none) of {@code locale} merged with {@code declared}; {@code changedSources} names
     * the ids whose English source differs from the previous source catalog.
     */
    public static PoCatalog merge(
            String locale, PoCatalog existing, List<Declared> declared, Set<String> changedSources) {
        PoCatalog catalog = existing != null ? existing : PoCatalog.create(locale);
        for (Declared d : declared) {
            PoEntry wanted = wanted(locale, d);
            PoEntry merged = catalog.find(null, d.message().id())
                    .map(found -> update(
                            locale,
                            found,
                            wanted,
                            changedSources.contains(d.message().id())))
                    .orElse(wanted);
            catalog = catalog.with(merged);
        }
        Set<String> ids =
                Set.copyOf(declared.stream().map(d -> d.message().id()).toList());
        for (PoEntry entry : catalog.entries()) {
            if (!entry.obsolete() && entry.msgctxt() == null && !ids.contains(entry.msgid())) {
                catalog = catalog.with(entry.withObsolete(true));
            }
        }
        return catalog;
    }

    /** The entry extract writes for a message new to the catalog. */
    static PoEntry wanted(String locale, Declared declared) {
        Message message = declared.message();
        return PoEntry.explicitId(
                message.id(), text(locale, message, ""), comments(message), List.of(declared.origin()));
    }

    private static PoEntry update(String locale, PoEntry found, PoEntry wanted, boolean sourceChanged) {
        PoEntry entry = found.withObsolete(false)
                .withExtractedComments(wanted.extractedComments())
                .withReferences(wanted.references());
        if (locale.equals(Messages.SOURCE_LOCALE) || locale.equals("pseudo")) {
            return entry.withTranslation(wanted.translation());
        }
        if (sourceChanged && !entry.translation().isEmpty() && !entry.isFuzzy()) {
            List<String> flags = new ArrayList<>(entry.flags());
            flags.add("fuzzy");
            entry = entry.withFlags(flags);
        }
        return entry.equals(found.withObsolete(false)) ? found.withObsolete(false) : entry;
    }

    private static String text(String locale, Message message, String translation) {
        if (locale.equals(Messages.SOURCE_LOCALE)) {
            return message.source();
        }
        return locale.equals("pseudo") ? Pseudo.localize(message.source()) : translation;
    }

    /** The translator's hint, then the placeholders to keep (when the message has any). */
    static List<String> comments(Message message) {
        List<String> comments = new ArrayList<>();
        if (!message.comment().isBlank()) {
            comments.add(message.comment());
        }
        try {
            Set<String> names = IcuPatterns.placeholders(IcuPatterns.parse(message.source()));
            if (!names.isEmpty()) {
                comments.add("placeholders: "
                        + String.join(
                                ", ", names.stream().map(n -> "{" + n + "}").toList()));
            }
        } catch (IllegalArgumentException e) {
            // an invalid source is reported by the catalog check; the hint just lists no placeholders
        }
        return comments;
    }
}
