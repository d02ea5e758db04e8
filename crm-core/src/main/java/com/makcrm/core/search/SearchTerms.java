package com.makcrm.core.search;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.i18n.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into search terms. A phone number in any format ({@code +7 (912) 345-67-89},
 * {@code 8 912 3456789}) becomes its digits, the last ten when longer, so trunk prefixes and country codes do not
 * matter; everything else is split into lowercase words.
 */
final class SearchTerms {

    static final int MAX_QUERY = 200;
    private static final int MAX_WORDS = 8;
    private static final Pattern PHONE_LIKE = Pattern.compile("^[+]?[0-9 ()./-]{4,}$");

    private SearchTerms() {}

    static List<String> parse(String query) {
        if (query == null || query.isBlank()) {
            throw CrmException.invalid(RecordMessages.SEARCH_QUERY_EMPTY, Map.of("field", "q"));
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.length() > MAX_QUERY) {
            throw CrmException.invalid(
                    ValidationMessages.TOO_LONG, Map.of("field", "q", "max", MAX_QUERY, "length", q.length()));
        }
        if (PHONE_LIKE.matcher(q).matches() && digits(q).length() >= 4) {
            String digits = digits(q);
            return List.of(digits.length() > 10 ? digits.substring(digits.length() - 10) : digits);
        }
        List<String> words = new ArrayList<>();
        for (String w : q.split("[\\s,;]+")) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        return words;
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** The term as a LIKE pattern matching it anywhere, with LIKE's wildcards escaped. */
    static String contains(String term) {
        return "%" + escape(term) + "%";
    }

    static String prefix(String term) {
        return escape(term) + "%";
    }

    private static String escape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
