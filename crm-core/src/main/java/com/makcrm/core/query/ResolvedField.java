package com.makcrm.core.query;

/** A path resolved against metadata: the field, and the relation it is reached through (null for own fields). */
record ResolvedField(String path, QueryField field, Relation relation) {

    String sql() {
        return field.sqlExpression();
    }

    FieldType type() {
        return field.type();
    }

    /** A field behind a LEFT JOIN is null when the related row is missing, whatever its column allows. */
    boolean nullable() {
        return relation != null || field.nullable();
    }
}
