package com.makcrm.core.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads ICU MessageFormat patterns: their placeholders, their plural categories and their literal text. */
final class IcuPatterns {

    private IcuPatterns() {}

    /** One plural or select argument and the keywords it lists ({@code =N} selectors left out). */
    record Choice(String argument, ArgType type, Set<String> keywords) {}

    /** Parses {@code pattern}; throws IllegalArgumentException naming the syntax error. */
    static MessagePattern parse(String pattern) {
        return new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
    }

    /** The argument names (or numbers) used anywhere in the pattern, nested ones included. */
    static Set<String> placeholders(MessagePattern pattern) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            Part part = pattern.getPart(i);
            if (part.getType() == Part.Type.ARG_NAME || part.getType() == Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    /** Every plural, selectordinal and select argument with its keywords. */
    static List<Choice> choices(MessagePattern pattern) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            Part part = pattern.getPart(i);
            if (part.getType() == Part.Type.ARG_START && part.getArgType().hasPluralStyle()
                    || part.getType() == Part.Type.ARG_START && part.getArgType() == ArgType.SELECT) {
                choices.add(choice(pattern, i));
            }
        }
        return choices;
    }

    private static Choice choice(MessagePattern pattern, int start) {
        String argument = pattern.getSubstring(pattern.getPart(start + 1));
        Set<String> keywords = new LinkedHashSet<>();
        int limit = pattern.getLimitPartIndex(start);
        for (int j = start + 2; j < limit; j++) {
            Part part = pattern.getPart(j);
            if (part.getType() == Part.Type.ARG_SELECTOR) {
                String selector = pattern.getSubstring(part);
                if (!selector.startsWith("=")) {
                    keywords.add(selector);
                }
            } else if (part.getType() == Part.Type.MSG_START) {
                j = pattern.getLimitPartIndex(j);
            }
        }
        return new Choice(argument, pattern.getPart(start).getArgType(), keywords);
    }

    /** The plural categories a locale's rules use, e.g. one, few, many, other for Russian cardinals. */
    static Set<String> pluralCategories(ULocale locale, ArgType type) {
        PluralRules.PluralType kind =
                type == ArgType.SELECTORDINAL ? PluralRules.PluralType.ORDINAL : PluralRules.PluralType.CARDINAL;
        return PluralRules.forLocale(locale, kind).getKeywords();
    }

    /** Which characters of {@code text} are literal message text (not argument syntax, names or keywords). */
    static boolean[] literalText(String text, MessagePattern pattern) {
        boolean[] literal = new boolean[text.length()];
        for (int m = 0; m < pattern.countParts(); m++) {
            if (pattern.getPart(m).getType() != Part.Type.MSG_START) {
                continue;
            }
            int end = pattern.getLimitPartIndex(m);
            int from = pattern.getPart(m).getLimit();
            for (int k = m + 1; k <= end; k++) {
                Part part = pattern.getPart(k);
                mark(literal, from, part.getIndex());
                if (part.getType() == Part.Type.ARG_START) {
                    k = pattern.getLimitPartIndex(k);
                    from = pattern.getPart(k).getLimit();
                } else {
                    from = part.getLimit();
                }
            }
        }
        return literal;
    }

    private static void mark(boolean[] literal, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, literal.length); i++) {
            literal[i] = true;
        }
    }
}
