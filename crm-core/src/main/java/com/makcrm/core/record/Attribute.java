package com.makcrm.core.record;

import com.makcrm.core.value.FieldErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A built-in field as the API sees it, mapped onto one or more columns. Writing normalizes and validates the API
 * value into column values; reading turns a row back into the API value.
 */
interface Attribute {

    String name();

    List<String> columns();

    /** Puts this field's column values for {@code apiValue} (null clears it) into {@code columnValues}. */
    void write(Object apiValue, Map<String, Object> columnValues, FieldErrors errors, WriteContext context);

    Object read(ResultSet row) throws SQLException;

    /** What {@link #read} gives and {@link #write} takes, as JSON: the source of the API documentation. */
    FieldDescription describe();

    default boolean required() {
        return false;
    }

    /** A UUID reference to another object, checked for existence on write; null when not a reference. */
    default ObjectKind references() {
        return null;
    }
}
