package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assembles the page statement: one ordered, limited SELECT, or two combined with UNION ALL. */
final class PageSql {

    private PageSql() {}

    static CompiledQuery build(Compilation compilation, String selectList, Optional<Keyset> keyset, int rows) {
        if (keyset.isEmpty() || !keyset.get().split()) {
            return branch(compilation, selectList, keyset.map(Keyset::first), rows);
        }
        // each branch seeks its own index range; the outer sort merges at most 2 * rows rows
        CompiledQuery first =
                branch(compilation, selectList, Optional.of(keyset.get().first()), rows);
        CompiledQuery second =
                branch(compilation, selectList, Optional.of(keyset.get().second()), rows);
        List<Object> params = new ArrayList<>(first.parameters());
        params.addAll(second.parameters());
        params.add(rows);
        String sql = "select * from ((" + first.sql() + ") union all (" + second.sql() + ")) as page order by "
                + outerOrderBy(compilation.keys()) + " limit ?";
        return new CompiledQuery(sql, params);
    }

    private static CompiledQuery branch(
            Compilation compilation, String selectList, Optional<SqlFragment> keyset, int rows) {
        SqlFragment where = compilation.where(keyset);
        String sql = "select " + selectList + sortColumns(compilation.keys()) + " from " + compilation.from()
                + " where " + where.sql() + " order by " + compilation.orderBy() + " limit ?";
        List<Object> params = new ArrayList<>(where.params());
        params.add(rows);
        return new CompiledQuery(sql, params);
    }

    private static String sortColumns(List<SortKey> keys) {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            columns.append(", ")
                    .append(keys.get(i).field().sql())
                    .append(" as ")
                    .append(CompiledPage.column(i));
        }
        return columns.toString();
    }

    private static String outerOrderBy(List<SortKey> keys) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).orderBy(CompiledPage.column(i)));
        }
        return String.join(", ", parts);
    }
}
