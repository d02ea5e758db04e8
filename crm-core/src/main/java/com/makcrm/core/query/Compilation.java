package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What filter and order compile to before paging is applied. */
record Compilation(String from, List<SqlFragment> conjuncts, List<SortKey> keys) {

    Compilation {
        conjuncts = List.copyOf(conjuncts);
        keys = List.copyOf(keys);
    }

    /** The WHERE condition, with an extra keyset condition when given; {@code true} when there is nothing. */
    SqlFragment where(Optional<SqlFragment> extra) {
        List<SqlFragment> all = new ArrayList<>(conjuncts);
        extra.ifPresent(all::add);
        if (all.isEmpty()) {
            return SqlFragment.of("true");
        }
        return SqlFragment.join("and", all);
    }

    String orderBy() {
        return keys.stream().map(SortKey::orderBySql).collect(Collectors.joining(", "));
    }
}
