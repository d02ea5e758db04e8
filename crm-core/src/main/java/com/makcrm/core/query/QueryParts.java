package com.makcrm.core.query;

import java.util.List;

/**
 * A compiled filter and order without paging, for callers that assemble their own statement, such as CSV
 * export streaming every matching row. The parameters belong to {@code where}; the other parts bind nothing.
 *
 * @param from the table with its alias and the joins the filter and order need
 * @param where never empty: at least the soft-delete condition or {@code true}
 * @param orderBy the sort keys, ending with the id tie-break
 */
public record QueryParts(String from, String where, String orderBy, List<Object> parameters) {

    public QueryParts {
        parameters = List.copyOf(parameters);
    }

    /** {@code select <selectList> from ... where ... order by ...}; selectList is trusted SQL, e.g. {@code o.*}. */
    public CompiledQuery select(String selectList) {
        return new CompiledQuery(
                "select " + selectList + " from " + from + " where " + where + " order by " + orderBy, parameters);
    }

    public CompiledQuery count() {
        return new CompiledQuery("select count(*) from " + from + " where " + where, parameters);
    }
}
