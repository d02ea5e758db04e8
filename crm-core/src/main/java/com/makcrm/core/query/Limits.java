package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import java.util.Map;

/** Bounds on user input, so a request cannot make the parser or the planner do unbounded work. */
final class Limits {

    static final int MAX_FILTER_LENGTH = 8_000;
    static final int MAX_ORDER_LENGTH = 500;
    static final int MAX_CURSOR_LENGTH = 4_000;
    static final int MAX_DEPTH = 10;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST_VALUES = 200;
    static final int MAX_SORT_KEYS = 5;
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private Limits() {}

    /** INVALID when {@code text} of a {@code clause} (filter, order) is longer than {@code max} characters. */
    static void checkLength(String clause, String text, int max) {
        if (text.length() > max) {
            throw CrmException.invalid(
                    QueryMessages.TOO_LONG,
                    Map.of("clause", clause, "length", String.valueOf(text.length()), "max", String.valueOf(max)));
        }
    }
}
