package com.makcrm.core.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.makcrm.core.i18n.IcuPatterns.Choice;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates catalogs against the messages declared in code: every message present, English equal to the code's
 * source, every translation valid ICU with the source's placeholders and the plural categories its locale needs.
 * Each problem names the locale and the message id, e.g. {@code ru: tenant.notFound: placeholder {slug} missing}.
 */
public final class CatalogCheck {

    private CatalogCheck() {}

    public record Problem(String locale, String id, String text) {
        @Override
        public String toString() {
            return locale + ": " + id + ": " + text;
        }
    }

    /**
     * The problems of {@code catalogs} (by locale code, {@code en} the source) for {@code declared}. With
     * {@code strict}, an untranslated or fuzzy message is a problem too; otherwise it falls back to English.
     */
    public static List<Problem> check(List<Message> declared, Map<String, PoCatalog> catalogs, boolean strict) {
        List<Problem> problems = new ArrayList<>();
        catalogs.forEach((locale, catalog) -> {
            for (Message message : declared) {
                problems.addAll(checkEntry(locale, message, catalog.find(null, message.id()), strict));
            }
        });
        return problems;
    }

    private static List<Problem> checkEntry(String locale, Message message, Optional<PoEntry> found, boolean strict) {
        String id = message.id();
        if (found.isEmpty() || found.get().obsolete()) {
            return List.of(new Problem(locale, id, "missing from the catalog (run crm i18n extract)"));
        }
        PoEntry entry = found.get();
        String text = entry.translation();
        if (locale.equals(Messages.SOURCE_LOCALE) && !text.equals(message.source())) {
            return List.of(new Problem(locale, id, "differs from the source in code (run crm i18n extract)"));
        }
        if (text.isEmpty() || entry.isFuzzy()) {
            return strict
                    ? List.of(new Problem(locale, id, entry.isFuzzy() ? "translation is fuzzy" : "not translated"))
                    : List.of();
        }
        return checkPattern(locale, id, text, message.source());
    }

    /** The problems of one translation {@code pattern} of {@code source} in {@code locale}. */
    public static List<Problem> checkPattern(String locale, String id, String pattern, String source) {
        MessagePattern parsed;
        try {
            parsed = IcuPatterns.parse(pattern);
        } catch (IllegalArgumentException e) {
            return List.of(new Problem(locale, id, "invalid ICU message: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> expected = sourcePlaceholders(source);
        Set<String> actual = IcuPatterns.placeholders(parsed);
        for (String name : expected) {
            if (!actual.contains(name)) {
                problems.add(new Problem(locale, id, "placeholder {" + name + "} missing"));
            }
        }
        for (String name : actual) {
            if (!expected.contains(name)) {
                problems.add(new Problem(locale, id, "unknown placeholder {" + name + "} (not in the source)"));
            }
        }
        for (Choice choice : IcuPatterns.choices(parsed)) {
            problems.addAll(checkChoice(locale, id, choice));
        }
        return problems;
    }

    private static Set<String> sourcePlaceholders(String source) {
        try {
            return IcuPatterns.placeholders(IcuPatterns.parse(source));
        } catch (IllegalArgumentException e) {
            return new TreeSet<>(); // the source's own problem is reported for the en catalog
        }
    }

    private static List<Problem> checkChoice(String locale, String id, Choice choice) {
        List<Problem> problems = new ArrayList<>();
        String where = "{" + choice.argument() + "}: ";
        if (!choice.keywords().contains("other")) {
            problems.add(new Problem(locale, id, where + "needs an 'other' case"));
        }
        if (choice.type() == ArgType.SELECT) {
            return problems;
        }
        Set<String> categories = IcuPatterns.pluralCategories(Messages.icuLocale(locale), choice.type());
        for (String keyword : choice.keywords()) {
            if (!categories.contains(keyword)) {
                problems.add(new Problem(
                        locale,
                        id,
                        where + "plural category '" + keyword + "' does not exist in " + locale + " (it has "
                                + String.join(", ", ordered(categories)) + ")"));
            }
        }
        Set<String> missing = new TreeSet<>(categories);
        missing.removeAll(choice.keywords());
        missing.remove("other");
        if (!missing.isEmpty()) {
            problems.add(new Problem(
                    locale,
                    id,
                    where + "plural categories missing: " + String.join(", ", ordered(missing)) + " (" + locale
                            + " needs " + String.join(", ", ordered(categories)) + ")"));
        }
        return problems;
    }

    /** CLDR's order: zero, one, two, few, many, other. */
    private static List<String> ordered(Set<String> categories) {
        List<String> order = List.of("zero", "one", "two", "few", "many", "other");
        return order.stream().filter(categories::contains).toList();
    }
}
