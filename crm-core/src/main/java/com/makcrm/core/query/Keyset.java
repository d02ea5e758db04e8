package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The "rows after the cursor" condition of keyset paging, written so PostgreSQL can seek an index to the
 * cursor instead of skipping rows (page N costs what page 1 costs):
 *
 * <ul>
 *   <li>one direction, no nulls in the way: a row-value comparison {@code (k0, k1, id) > (?, ?, ?)};
 *   <li>otherwise the expanded form {@code k0 > v0 or (k0 = v0 and (k1 > v1 or ...))} with nulls placed as
 *       ordered, led by a sargable bound on the first key ({@code k0 >= v0});
 *   <li>when the first key is nullable and the rest of its null block (or its non-null block) is still ahead,
 *       two conditions, each seekable on its own, which the page query combines with UNION ALL.
 * </ul>
 */
record Keyset(SqlFragment first, SqlFragment second) {

    boolean split() {
        return second != null;
    }

    static Keyset after(List<SortKey> keys, List<Object> values) {
        SortKey k0 = keys.get(0);
        Object v0 = values.get(0);
        if (rowValueApplies(keys, values)) {
            return new Keyset(rowValue(keys, values), null);
        }
        if (k0.field().nullable() && v0 != null && !k0.nullsFirst()) {
            // non-null region now, the null block of k0 comes after it
            SqlFragment nonNull = SqlFragment.and(bound(k0, v0), after(keys, values, 0, false));
            return new Keyset(nonNull, SqlFragment.of(k0.field().sql() + " is null"));
        }
        if (k0.field().nullable() && v0 == null && k0.nullsFirst()) {
            // leading null block now, the non-null region of k0 comes after it
            SqlFragment notNull = SqlFragment.of(k0.field().sql() + " is not null");
            SqlFragment restOfNulls = after(keys, values, 1, true);
            if (restOfNulls == null) {
                return new Keyset(notNull, null);
            }
            return new Keyset(SqlFragment.and(SqlFragment.of(k0.field().sql() + " is null"), restOfNulls), notNull);
        }
        SqlFragment expanded = after(keys, values, 0, true);
        return new Keyset(v0 == null ? expanded : SqlFragment.and(bound(k0, v0), expanded), null);
    }

    // a row comparison is null when a key is null: right only where such rows all sort before the cursor
    private static boolean rowValueApplies(List<SortKey> keys, List<Object> values) {
        boolean descending = keys.get(0).descending();
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            boolean nullsAhead = key.field().nullable() && !key.nullsFirst();
            if (key.descending() != descending || values.get(i) == null || nullsAhead) {
                return false;
            }
        }
        return true;
    }

    private static SqlFragment rowValue(List<SortKey> keys, List<Object> values) {
        List<String> expressions = new ArrayList<>();
        keys.forEach(k -> expressions.add(k.field().sql()));
        String placeholders = String.join(", ", Collections.nCopies(keys.size(), "?"));
        String comparison = keys.get(0).descending() ? " < " : " > ";
        return new SqlFragment(
                "(" + String.join(", ", expressions) + ")" + comparison + "(" + placeholders + ")", values);
    }

    /** Rows after the cursor on keys i.., given equality on keys before i; null means none (false). */
    private static SqlFragment after(List<SortKey> keys, List<Object> values, int i, boolean nullTail) {
        if (i == keys.size()) {
            return null;
        }
        SqlFragment strictly = strictlyAfter(keys.get(i), values.get(i), nullTail);
        SqlFragment rest = after(keys, values, i + 1, true);
        if (rest == null) {
            return strictly;
        }
        SqlFragment tie = SqlFragment.and(equal(keys.get(i), values.get(i)), rest);
        return strictly == null ? tie : SqlFragment.or(strictly, tie);
    }

    private static SqlFragment strictlyAfter(SortKey key, Object value, boolean nullTail) {
        String e = key.field().sql();
        if (value == null) {
            return key.nullsFirst() ? SqlFragment.of(e + " is not null") : null;
        }
        SqlFragment beyond = SqlFragment.of(e + (key.descending() ? " < ?" : " > ?"), value);
        if (nullTail && key.field().nullable() && !key.nullsFirst()) {
            return SqlFragment.or(beyond, SqlFragment.of(e + " is null"));
        }
        return beyond;
    }

    private static SqlFragment equal(SortKey key, Object value) {
        String e = key.field().sql();
        return value == null ? SqlFragment.of(e + " is null") : SqlFragment.of(e + " = ?", value);
    }

    // redundant with the expanded form, but a plain range on the first key is what the planner can seek on
    private static SqlFragment bound(SortKey key, Object value) {
        return SqlFragment.of(key.field().sql() + (key.descending() ? " <= ?" : " >= ?"), value);
    }
}
