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
 *   <li>one direction with PostgreSQL's default nulls placement (last ascending, first descending) and a cursor
 *       without nulls: the same row-value comparison, plus, for each nullable key whose nulls sort after the
 *       cursor's value, a branch for the null block of that key inside the cursor's prefix ({@code k0 = ? and
 *       k1 is null}, or {@code k0 is null} for the first key); a row comparison with a null key is null, so
 *       exactly those rows are missing from it;
 *   <li>otherwise the expanded form {@code k0 > v0 or (k0 = v0 and (k1 > v1 or ...))} with nulls placed as
 *       ordered, led by a sargable bound on the first key ({@code k0 >= v0});
 *   <li>when the first key is nullable and the rest of its null block (or its non-null block) is still ahead,
 *       two conditions, each seekable on its own, which the page query combines with UNION ALL.
 * </ul>
 *
 * <p>The branches select disjoint rows; the page query runs each with the page's ORDER BY and LIMIT and combines
 * them with UNION ALL.
 */
record Keyset(List<SqlFragment> branches) {

    Keyset {
        branches = List.copyOf(branches);
    }

    Keyset(SqlFragment only) {
        this(List.of(only));
    }

    Keyset(SqlFragment first, SqlFragment second) {
        this(List.of(first, second));
    }

    boolean split() {
        return branches.size() > 1;
    }

    static Keyset after(List<SortKey> keys, List<Object> values) {
        SortKey k0 = keys.get(0);
        Object v0 = values.get(0);
        if (rowValueApplies(keys, values)) {
            return new Keyset(rowValue(keys, values));
        }
        if (rowValueWithNullBlocksApplies(keys, values)) {
            return rowValueWithNullBlocks(keys, values);
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
                return new Keyset(notNull);
            }
            return new Keyset(SqlFragment.and(SqlFragment.of(k0.field().sql() + " is null"), restOfNulls), notNull);
        }
        SqlFragment expanded = after(keys, values, 0, true);
        return new Keyset(v0 == null ? expanded : SqlFragment.and(bound(k0, v0), expanded));
    }

    /**
     * One direction, every nullable key with the default nulls placement (the one a plain btree index serves),
     * no null in the cursor. Descending, nulls come first: rows with a null key inside the cursor's prefix sort
     * before the cursor, which the row comparison already leaves out ({@link #rowValueApplies} takes that case).
     * Ascending, nulls come last: those rows sort after every non-null value of that key in the prefix, so after
     * the cursor, and each nullable key gets a branch for them.
     */
    private static boolean rowValueWithNullBlocksApplies(List<SortKey> keys, List<Object> values) {
        boolean descending = keys.get(0).descending();
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            boolean defaultNulls = !key.field().nullable() || key.nullsFirst() == descending;
            if (key.descending() != descending || values.get(i) == null || !defaultNulls) {
                return false;
            }
        }
        return true;
    }

    // rows after the cursor: (k0, ..) beyond (v0, ..) with no null up to the first difference, or equal to the
    // cursor on k0..k(i-1) and null in a key ki whose nulls sort last; the branches are disjoint
    private static Keyset rowValueWithNullBlocks(List<SortKey> keys, List<Object> values) {
        List<SqlFragment> branches = new ArrayList<>();
        branches.add(rowValue(keys, values));
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            if (!key.field().nullable() || key.nullsFirst()) {
                continue;
            }
            List<SqlFragment> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(equal(keys.get(j), values.get(j)));
            }
            parts.add(SqlFragment.of(key.field().sql() + " is null"));
            branches.add(SqlFragment.join("and", parts));
        }
        return new Keyset(branches);
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
