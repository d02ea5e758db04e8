package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assembles the page statement: one ordered, limited SELECT, or several combined with UNION ALL. */
final class PageSql {

    private PageSql() {}

    static CompiledQuery build(Compilation compilation, String selectList, Optional<Keyset> keyset, int rows) {
        if (keyset.isEmpty() || !keyset.get().split()) {
            return branch(compilation, selectList, keyset.map(k -> k.branches().get(0)), rows);
        }
        // each branch seeks its own index range; the outer sort merges at most branches * rows rows
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlFragment condition : keyset.get().branches()) {
            CompiledQuery branch = branch(compilation, selectList, Optional.of(condition), rows);
            selects.add("(" + branch.sql() + ")");
            params.addAll(branch.parameters());
        }
        params.add(rows);
        String sql = "select * from (" + String.join(" union all ", selects) + ") as page order by "
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
