package com.makcrm.core.query;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A field the query language can filter and sort on.
 *
 * @param name what users write in filters and orders: {@code closeDate}, or {@code custom.tier} for a custom
 *     field
 * @param sqlExpression trusted SQL written by our code, never by users (e.g. {@code o.close_date}); it must
 *     yield the SQL type that {@link FieldType} documents, or bound values will not compare
 * @param options the allowed values of a SELECT or MULTI_SELECT; empty when unknown or not a select
 * @param nullable false only when the expression can never be null: lets keyset paging use a row-value
 *     comparison and an index seek for ascending sorts
 */
public record QueryField(
        String name,
        FieldType type,
        String sqlExpression,
        boolean sortable,
        boolean filterable,
        Set<String> options,
        boolean nullable) {

    /** How custom fields are addressed: {@code custom.<name>}. */
    public static final String CUSTOM_PREFIX = "custom.";

    private static final Pattern BUILT_IN_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,62}$");
    private static final Pattern CUSTOM_NAME = Pattern.compile("^[a-z][a-zA-Z0-9_]{0,62}$");
    private static final Pattern SQL_ALIAS = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    public QueryField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sqlExpression, "sqlExpression");
        options = options == null ? Set.of() : Set.copyOf(options);
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a valid query field name: " + name);
        }
    }

    /** The shape given in the design: nullable unless said otherwise. */
    public QueryField(
            String name,
            FieldType type,
            String sqlExpression,
            boolean sortable,
            boolean filterable,
            Set<String> options) {
        this(name, type, sqlExpression, sortable, filterable, options, true);
    }

    /** A built-in column, filterable, and sortable unless it holds an array. */
    public static QueryField column(String name, FieldType type, String sqlExpression) {
        return new QueryField(name, type, sqlExpression, !type.isArray(), true, Set.of(), true);
    }

    /**
     * A custom field stored in the JSONB column {@code custom} of the table aliased {@code tableAlias}. The
     * name is validated before it becomes part of the SQL text, which is what makes the expression safe.
     * Values must be stored as JSON strings, numbers (CURRENCY: whole minor units), booleans, ISO dates and
     * date-times, or JSON arrays of strings for MULTI_SELECT and TEXT_ARRAY.
     */
    public static QueryField custom(String tableAlias, String customName, FieldType type, Set<String> options) {
        if (customName == null || !CUSTOM_NAME.matcher(customName).matches()) {
            throw new IllegalArgumentException(
                    "custom field name must match " + CUSTOM_NAME.pattern() + ", got: " + customName);
        }
        if (tableAlias == null || !SQL_ALIAS.matcher(tableAlias).matches()) {
            throw new IllegalArgumentException("not a plain table alias: " + tableAlias);
        }
        String expression = CustomFieldSql.expression(tableAlias, customName, type);
        return new QueryField(CUSTOM_PREFIX + customName, type, expression, !type.isArray(), true, options, true);
    }

    public QueryField notNull() {
        return new QueryField(name, type, sqlExpression, sortable, filterable, options, false);
    }

    public QueryField withOptions(Set<String> newOptions) {
        return new QueryField(name, type, sqlExpression, sortable, filterable, newOptions, nullable);
    }

    public QueryField notSortable() {
        return new QueryField(name, type, sqlExpression, false, filterable, options, nullable);
    }

    public boolean isCustom() {
        return name.startsWith(CUSTOM_PREFIX);
    }

    private static boolean isValidName(String name) {
        if (name.startsWith(CUSTOM_PREFIX)) {
            return CUSTOM_NAME.matcher(name.substring(CUSTOM_PREFIX.length())).matches();
        }
        return BUILT_IN_NAME.matcher(name).matches();
    }
}
