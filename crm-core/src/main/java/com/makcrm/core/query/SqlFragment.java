package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A piece of SQL with its bound values, in placeholder order. */
record SqlFragment(String sql, List<Object> params) {

    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, Arrays.asList(params));
    }

    /** Joins fragments with {@code and} / {@code or} in parentheses, keeping the values in order. */
    static SqlFragment join(String operator, List<SqlFragment> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (SqlFragment part : parts) {
            if (sql.length() > 1) {
                sql.append(' ').append(operator).append(' ');
            }
            sql.append(part.sql());
            params.addAll(part.params());
        }
        return new SqlFragment(sql.append(')').toString(), params);
    }

    static SqlFragment and(SqlFragment left, SqlFragment right) {
        return join("and", List.of(left, right));
    }

    static SqlFragment or(SqlFragment left, SqlFragment right) {
        return join("or", List.of(left, right));
    }
}
