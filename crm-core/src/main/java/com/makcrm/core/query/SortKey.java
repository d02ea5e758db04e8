package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.List;

/** A resolved sort key; {@code nullsFirst} is where nulls appear in the output, whatever the direction. */
record SortKey(ResolvedField field, boolean descending, boolean nullsFirst) {

    String orderBySql() {
        return orderBy(field.sql());
    }

    String orderBy(String expression) {
        return expression + (descending ? " desc" : " asc") + (nullsFirst ? " nulls first" : " nulls last");
    }

    String signature() {
        return field.path() + ":" + (descending ? "desc" : "asc") + ":" + (nullsFirst ? "nullsFirst" : "nullsLast");
    }

    /**
     * Resolves the parsed order and appends the id tie-break, which follows the direction of the last key so an
     * all-descending order stays one direction (row-value keyset, one backward index scan).
     */
    static List<SortKey> resolve(List<SortSpec> specs, FieldResolver resolver) {
        List<SortKey> keys = new ArrayList<>();
        boolean hasId = false;
        for (SortSpec spec : specs) {
            ResolvedField field = resolver.forOrder(spec.path(), spec.position());
            hasId |= field.relation() == null && field.path().equals(QueryObject.ID);
            keys.add(new SortKey(field, spec.descending(), spec.effectiveNullsFirst()));
        }
        if (!hasId) {
            boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
            keys.add(new SortKey(resolver.id(), descending, descending));
        }
        return keys;
    }
}
