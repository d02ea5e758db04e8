package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code amount[desc],closeDate[asc,nullsLast],name}; the id tie-break is added by the compiler. */
final class OrderParser {

    private static final String CLAUSE = "order";
    private static final String OPTIONS = "asc, desc, nullsFirst or nullsLast";

    private final TextScanner scanner;

    private OrderParser(String text) {
        this.scanner = new TextScanner(text, CLAUSE);
    }

    static List<SortSpec> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > Limits.MAX_ORDER_LENGTH) {
            throw CrmException.invalid(
                    "order is too long: " + text.length() + " characters, at most " + Limits.MAX_ORDER_LENGTH);
        }
        return new OrderParser(text).keys();
    }

    private List<SortSpec> keys() {
        List<SortSpec> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            SortSpec key = key();
            if (!seen.add(key.path())) {
                throw CrmException.invalid("field '" + key.path() + "' is sorted twice, again at position "
                        + key.position() + " in order");
            }
            if (keys.size() == Limits.MAX_SORT_KEYS) {
                throw CrmException.invalid("order has more than " + Limits.MAX_SORT_KEYS + " keys; '" + key.path()
                        + "' at position " + key.position() + " is one too many");
            }
            keys.add(key);
        } while (scanner.tryConsume(','));
        if (!scanner.atEnd()) {
            throw scanner.unexpected("',' or the end of the order");
        }
        return keys;
    }

    private SortSpec key() {
        int position = scanner.position();
        String path = scanner.path("a field name");
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
                        throw CrmException.invalid("unknown sort option '" + option + "' at position " + at
                                + " in order, expected " + OPTIONS);
                }
            } while (scanner.tryConsume(','));
            scanner.expect(']', "',' or ']'");
        }
        return new SortSpec(path, Boolean.TRUE.equals(descending), nullsFirst, position);
    }

    private static Boolean once(Boolean previous, boolean value, String option, int position) {
        if (previous != null) {
            throw CrmException.invalid("conflicting sort option '" + option + "' at position " + position
                    + " in order: give one direction and at most one nulls placement");
        }
        return value;
    }
}
