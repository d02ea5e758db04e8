package com.makcrm.core.query;

/**
 * One parsed sort key. {@code nullsFirst} is null when not written: PostgreSQL's default then applies (nulls
 * last ascending, first descending), which is also what a plain btree index delivers in both scan directions.
 */
record SortSpec(String path, boolean descending, Boolean nullsFirst, int position) {

    boolean effectiveNullsFirst() {
        return nullsFirst != null ? nullsFirst : descending;
    }
}
