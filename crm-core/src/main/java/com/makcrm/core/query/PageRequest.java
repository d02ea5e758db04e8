package com.makcrm.core.query;

/**
 * One page of a list, as the REST layer receives it. Any part may be null: no filter matches everything, no
 * order sorts by id, no cursor is the first page, no limit is {@value Limits#DEFAULT_PAGE_SIZE} rows.
 *
 * @param includeDeleted also return soft-deleted rows
 */
public record PageRequest(String filter, String order, String cursor, Integer limit, boolean includeDeleted) {

    public PageRequest(String filter, String order, String cursor, Integer limit) {
        this(filter, order, cursor, limit, false);
    }

    /** The page after {@code page} with the same filter and order. */
    public PageRequest next(String nextCursor) {
        return new PageRequest(filter, order, nextCursor, limit, includeDeleted);
    }
}
