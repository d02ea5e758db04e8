package com.makcrm.core.csv;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.CsvMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which field path each CSV column feeds: explicit mapping first, then a lenient match on the path's name. */
final class HeaderMapping {

    private HeaderMapping() {}

    /** One path per column; null for columns that are ignored. */
    static List<String> resolve(List<String> header, List<String> paths, ImportOptions options) {
        Map<String, String> byLooseName = new HashMap<>();
        paths.forEach(p -> byLooseName.put(loose(p), p));
        Set<String> known = new HashSet<>(paths);
        List<String> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String column : header) {
            String path = options.mapping().containsKey(column)
                    ? options.mapping().get(column)
                    : byLooseName.get(loose(column));
            if (path != null && !path.isEmpty() && !known.contains(path)) {
                throw CrmException.invalid(
                        CsvMessages.COLUMN_MAPPED_TO_UNKNOWN_FIELD,
                        Map.of("column", String.valueOf(column), "path", path, "fields", paths.toString()));
            }
            if (path != null && !path.isEmpty() && !used.add(path)) {
                throw CrmException.invalid(CsvMessages.TWO_COLUMNS_FOR_FIELD, Map.of("path", path));
            }
            if (path == null && !options.mapping().containsKey(column)) {
                unknown.add(column);
            }
            out.add(path == null || path.isEmpty() ? null : path);
        }
        if (!unknown.isEmpty() && !options.ignoreUnknownColumns()) {
            throw CrmException.invalid(
                    CsvMessages.UNKNOWN_COLUMNS,
                    Map.of("count", unknown.size(), "columns", unknown.toString(), "fields", paths.toString()));
        }
        if (out.stream().allMatch(p -> p == null)) {
            throw CrmException.invalid(CsvMessages.NO_COLUMN_MATCHES, Map.of("fields", paths.toString()));
        }
        return out;
    }

    private static String loose(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
