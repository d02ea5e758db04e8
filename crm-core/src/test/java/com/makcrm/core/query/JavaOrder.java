package com.makcrm.core.query;

import com.makcrm.core.query.TestSchema.Opp;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The Java counterpart of an order: what the SQL sort must reproduce, tie-break on id included. */
final class JavaOrder {

    record Key(Function<Opp, Comparable<?>> value, boolean descending, boolean nullsFirst) {
        Key withNullsFirst() {
            return new Key(value, descending, true);
        }

        Key withNullsLast() {
            return new Key(value, descending, false);
        }
    }

    private JavaOrder() {}

    /** Ascending, nulls last (PostgreSQL's default for ascending). */
    static Key asc(Function<Opp, Comparable<?>> value) {
        return new Key(value, false, false);
    }

    /** Descending, nulls first (PostgreSQL's default for descending). */
    static Key desc(Function<Opp, Comparable<?>> value) {
        return new Key(value, true, true);
    }

    /** The keys, then id (compared as text, as PostgreSQL orders uuids) in the direction of the last key. */
    static Comparator<Opp> of(List<Key> keys) {
        Comparator<Opp> order = (a, b) -> 0;
        for (Key key : keys) {
            order = order.thenComparing(comparator(key));
        }
        boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
        return order.thenComparing(comparator(new Key(o -> o.id.toString(), descending, descending)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Opp> comparator(Key key) {
        return (a, b) -> {
            Comparable va = key.value().apply(a);
            Comparable vb = key.value().apply(b);
            if (va == null || vb == null) {
                if (va == vb) {
                    return 0;
                }
                return (va == null) == key.nullsFirst() ? -1 : 1;
            }
            int result = va.compareTo(vb);
            return key.descending() ? -result : result;
        };
    }
}
