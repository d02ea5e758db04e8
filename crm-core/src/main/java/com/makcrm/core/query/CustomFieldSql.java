package com.makcrm.core.query;

/**
 * Typed extraction of a custom field from the JSONB column {@code custom}. Callers pass only validated names
 * (letters, digits, underscore), so splicing them into a SQL string literal cannot break out of it.
 */
final class CustomFieldSql {

    private CustomFieldSql() {}

    static String expression(String alias, String name, FieldType type) {
        String text = "(" + alias + ".custom->>'" + name + "')";
        return switch (type) {
            case TEXT, EMAIL, PHONE, URL, SELECT -> text;
            case NUMBER -> cast(text, "numeric");
            case INTEGER, CURRENCY -> cast(text, "bigint");
            case BOOLEAN -> cast(text, "boolean");
            case DATE -> cast(text, "date");
            case DATETIME -> cast(text, "timestamptz");
            case UUID -> cast(text, "uuid");
            case MULTI_SELECT, TEXT_ARRAY -> textArray(alias + ".custom->'" + name + "'");
        };
    }

    private static String cast(String text, String sqlType) {
        return "(" + text + "::" + sqlType + ")";
    }

    // a non-array value (which validation on write should prevent) reads as null instead of failing the query
    private static String textArray(String json) {
        return "(case when jsonb_typeof(" + json + ") = 'array' then array(select jsonb_array_elements_text(" + json
                + ")) end)";
    }
}
