package com.makcrm.core.query;

/**
 * The value type of a queryable field. It decides which operators a filter may use, how a filter value is
 * converted before binding, and how sort values travel in a cursor.
 */
public enum FieldType {
    TEXT,
    /** Arbitrary-precision decimal, bound as {@link java.math.BigDecimal}: the SQL expression must be numeric. */
    NUMBER,
    /** Whole number, bound as {@link Long}: the SQL expression must be an integer type. */
    INTEGER,
    BOOLEAN,
    DATE,
    /** Instant with offset, bound as {@link java.time.OffsetDateTime}: the SQL expression must be timestamptz. */
    DATETIME,
    UUID,
    /** One value out of known options; stored and compared as text. */
    SELECT,
    /** Several options; the SQL expression must be {@code text[]}. */
    MULTI_SELECT,
    /** An amount in minor units (cents), bound as {@link Long}; filters compare amounts, not currencies. */
    CURRENCY,
    EMAIL,
    PHONE,
    URL,
    /** A list of strings (e.g. additional emails); the SQL expression must be {@code text[]}. */
    TEXT_ARRAY;

    boolean isArray() {
        return this == MULTI_SELECT || this == TEXT_ARRAY;
    }
}
