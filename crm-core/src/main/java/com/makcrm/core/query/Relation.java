package com.makcrm.core.query;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A to-one relation (at most one target row per source row), compiled as a LEFT JOIN when a filter or order
 * uses it. A soft-deleted target counts as absent.
 *
 * @param joinCondition trusted SQL over both aliases, e.g. {@code o.company_id = c.id}
 */
public record Relation(String name, QueryObject target, String joinCondition) {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,62}$");

    public Relation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(joinCondition, "joinCondition");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid relation name: " + name);
        }
        if (name.equals("custom")) {
            throw new IllegalArgumentException("'custom' is reserved for custom fields");
        }
    }

    /** The LEFT JOIN clause, with the target's soft-delete column checked in the join so absence stays null. */
    String joinSql() {
        String on = joinCondition;
        if (target.softDeleteColumn() != null) {
            on = on + " and " + target.alias() + "." + target.softDeleteColumn() + " is null";
        }
        return " left join " + target.table() + " " + target.alias() + " on (" + on + ")";
    }
}
