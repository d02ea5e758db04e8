package com.makcrm.core.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads an RFC 7231 {@code Accept-Language} header: language ranges by descending q-value; junk is skipped. */
final class AcceptLanguage {

    private AcceptLanguage() {}

    private record Range(String tag, double q, int position) {}

    /** The ranges with q above zero, best first (ties in header order). */
    static List<String> ranked(String header) {
        if (header == null || header.length() > 4096) {
            return List.of();
        }
        List<Range> ranges = new ArrayList<>();
        String[] items = header.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            Range range = range(items[i], i);
            if (range != null && range.q() > 0) {
                ranges.add(range);
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::position));
        return ranges.stream().map(Range::tag).toList();
    }

    private static Range range(String item, int position) {
        String[] parts = item.split(";", -1);
        String tag = parts[0].strip();
        if (!tag.matches("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            return null;
        }
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.regionMatches(true, 0, "q=", 0, 2)) {
                q = quality(param.substring(2).strip());
            }
        }
        return new Range(tag, q, position);
    }

    private static double quality(String value) {
        if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return 0; // an unreadable weight: treat the range as not acceptable rather than guess
        }
        return Double.parseDouble(value);
    }
}
