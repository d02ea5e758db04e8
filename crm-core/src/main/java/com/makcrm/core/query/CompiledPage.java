package com.makcrm.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A compiled page query. It selects {@code limit + 1} rows (the extra row only tells that a next page exists)
 * and, besides the caller's columns, each sort key as a column named {@code _sort0}, {@code _sort1}, ... (the
 * last is the id), which is what the next cursor is built from.
 */
public final class CompiledPage {

    static final String SORT_COLUMN = "_sort";

    private final CompiledQuery query;
    private final int limit;
    private final List<SortKey> keys;
    private final String signature;

    CompiledPage(CompiledQuery query, int limit, List<SortKey> keys, String signature) {
        this.query = query;
        this.limit = limit;
        this.keys = List.copyOf(keys);
        this.signature = signature;
    }

    public String sql() {
        return query.sql();
    }

    public List<Object> parameters() {
        return query.parameters();
    }

    public CompiledQuery query() {
        return query;
    }

    /** The page size asked for; the query returns up to one row more. */
    public int limit() {
        return limit;
    }

    public List<String> sortKeyColumns() {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(column(i));
        }
        return columns;
    }

    /** The cursor of the page that starts after the current row of {@code row}. */
    public String cursorAfter(ResultSet row) throws SQLException {
        return Cursor.encode(signature, sortValues(row));
    }

    /** Runs the query and maps at most {@link #limit()} rows; the cursor points after the last of them. */
    public <T> Page<T> fetch(Connection connection, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            List<T> items = new ArrayList<>();
            List<Object> lastValues = null;
            while (rows.next()) {
                if (items.size() == limit) {
                    return new Page<>(items, Cursor.encode(signature, lastValues), true);
                }
                items.add(mapper.map(rows));
                lastValues = sortValues(rows);
            }
            return new Page<>(items, null, false);
        }
    }

    static String column(int index) {
        return SORT_COLUMN + index;
    }

    private List<Object> sortValues(ResultSet row) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(read(row, column(i), keys.get(i).field().type()));
        }
        return values;
    }

    // read as the exact Java type the cursor will bind again, so a value compares equal to itself
    private static Object read(ResultSet row, String column, FieldType type) throws SQLException {
        return switch (type) {
            case NUMBER -> row.getBigDecimal(column);
            case INTEGER, CURRENCY -> wholeNumber(row, column);
            case BOOLEAN -> row.getObject(column, Boolean.class);
            case DATE -> row.getObject(column, LocalDate.class);
            case DATETIME -> row.getObject(column, OffsetDateTime.class);
            case UUID -> row.getObject(column, UUID.class);
            default -> row.getString(column);
        };
    }

    // getObject(column, Long.class) refuses int4 columns in PgJDBC; getLong reads any integer type
    private static Long wholeNumber(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
