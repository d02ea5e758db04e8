package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import com.makcrm.core.query.TextScanner.Expected;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code amount[desc],closeDate[asc,nullsLast],name}; the id tie-break is added by the compiler. */
final class OrderParser {

    private static final String CLAUSE = "order";
    private static final Expected OPTIONS = Expected.of("sortOption");

    private final TextScanner scanner;

    private OrderParser(String text) {
        this.scanner = new TextScanner(text, CLAUSE);
    }

    static List<SortSpec> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Limits.checkLength(CLAUSE, text, Limits.MAX_ORDER_LENGTH);
        return new OrderParser(text).keys();
    }

    private List<SortSpec> keys() {
        List<SortSpec> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            SortSpec key = key();
            if (!seen.add(key.path())) {
                throw CrmException.invalid(
                        QueryMessages.SORTED_TWICE,
                        Map.of("field", key.path(), "position", String.valueOf(key.position())));
            }
            if (keys.size() == Limits.MAX_SORT_KEYS) {
                throw CrmException.invalid(
                        QueryMessages.TOO_MANY_SORT_KEYS,
                        Map.of(
                                "max",
                                String.valueOf(Limits.MAX_SORT_KEYS),
                                "field",
                                key.path(),
                                "position",
                                String.valueOf(key.position())));
            }
            keys.add(key);
        } while (scanner.tryConsume(','));
        if (!scanner.atEnd()) {
            throw scanner.unexpected(Expected.of("orderEnd"));
        }
        return keys;
    }

    private SortSpec key() {
        int position = scanner.position();
        String path = scanner.path(Expected.of("fieldName"));
        Boolean descending = null;
        Boolean nullsFirst = null;
        if (scanner.tryConsume('[')) {
            do {
                int at = scanner.position();
                String option = scanner.identifier(OPTIONS);
                switch (option) {
                    case "asc", "desc" -> descending = once(descending, option.equals("desc"), option, at);
                    case "nullsFirst", "nullsLast" ->
                        nullsFirst = once(nullsFirst, option.equals("nullsFirst"), option, at);
                    default ->
                        throw CrmException.invalid(
                                QueryMessages.UNKNOWN_SORT_OPTION,
                                Map.of("option", option, "position", String.valueOf(at)));
                }
            } while (scanner.tryConsume(','));
            scanner.expect(']', Expected.of("commaOrCloseBracket"));
        }
        return new SortSpec(path, Boolean.TRUE.equals(descending), nullsFirst, position);
    }

    private static Boolean once(Boolean previous, boolean value, String option, int position) {
        if (previous != null) {
            throw CrmException.invalid(
                    QueryMessages.CONFLICTING_SORT_OPTION,
                    Map.of("option", option, "position", String.valueOf(position)));
        }
        return value;
    }
}
