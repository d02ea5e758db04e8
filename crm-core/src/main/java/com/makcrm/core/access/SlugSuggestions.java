package com.makcrm.core.access;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a tenant's display name into slug candidates that satisfy the tenant slug rule (3-40 characters,
 * lowercase letters, digits and '-', starting with a letter, not ending with '-'): Cyrillic is transliterated
 * (Russian/Ukrainian, ICAO-style: "Ромашка" → "romashka"), accents dropped, everything else becomes '-'.
 */
public final class SlugSuggestions {

    static final int MAX_BASE = 32; // leaves room for a "-<suffix>" within the 40-character limit
    private static final String FALLBACK = "team";
    private static final Map<Character, String> CYRILLIC = cyrillic();

    private SlugSuggestions() {}

    /** The slug the name suggests before any collision: {@code "ООО Ромашка"} → {@code "ooo-romashka"}. */
    public static String base(String name) {
        String latin = transliterate(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("œ", "oe")
                .replace("ł", "l")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return FALLBACK;
        }
        if (!Character.isLetter(slug.charAt(0))) {
            slug = "t-" + slug;
        }
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        if (slug.length() < 3) {
            slug = slug + "-" + FALLBACK;
        }
        return slug;
    }

    /** The base, then numbered variants, then random ones: callers take the first one that is free. */
    static List<String> candidates(String name, int numbered, int random) {
        String base = base(name);
        List<String> out = new ArrayList<>();
        out.add(base);
        for (int i = 2; i < numbered + 2; i++) {
            out.add(base + "-" + i);
        }
        for (int i = 0; i < random; i++) {
            out.add(base + "-" + Secrets.random(Secrets.LOWER36, 6));
        }
        return out;
    }

    private static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(CYRILLIC.getOrDefault(ch, String.valueOf(ch)));
        }
        return out.toString();
    }

    private static Map<Character, String> cyrillic() {
        String[][] pairs = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
            {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
            {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
            {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
            {"я", "ya"}, {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"}, {"ў", "u"}
        };
        Map<Character, String> map = new HashMap<>();
        for (String[] p : pairs) {
            map.put(p[0].charAt(0), p[1]);
        }
        return Map.copyOf(map);
    }
}
