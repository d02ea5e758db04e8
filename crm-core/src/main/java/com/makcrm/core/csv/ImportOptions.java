package com.makcrm.core.csv;

import java.util.Map;

/**
 * @param mapping CSV header → field path ({@code firstName}, {@code emails.primary}, {@code custom.tier}); headers
 *     not mapped are matched to paths ignoring case, spaces, '_' and '-'
 * @param ignoreUnknownColumns skip columns that match no field instead of rejecting the file
 * @param atomic import nothing when any row is invalid
 */
public record ImportOptions(
        Map<String, String> mapping, DedupePolicy dedupe, boolean atomic, boolean ignoreUnknownColumns) {

    public ImportOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        dedupe = dedupe == null ? DedupePolicy.FAIL : dedupe;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), DedupePolicy.FAIL, false, false);
    }
}
