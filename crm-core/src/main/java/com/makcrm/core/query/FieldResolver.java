package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves user-written paths against the object's metadata: the only way a name from user input reaches
 * SQL is as the trusted expression of a field found here. Remembers which relations need a join.
 */
final class FieldResolver {

    private final QueryObject object;
    private final Set<Relation> joined = new LinkedHashSet<>();

    FieldResolver(QueryObject object) {
        this.object = object;
    }

    ResolvedField forFilter(String path, int position) {
        ResolvedField resolved = resolve(path, position, "filter");
        if (!resolved.field().filterable()) {
            throw CrmException.invalid(
                    QueryMessages.NOT_FILTERABLE, Map.of("field", path, "position", String.valueOf(position)));
        }
        return join(resolved);
    }

    ResolvedField forOrder(String path, int position) {
        ResolvedField resolved = resolve(path, position, "order");
        if (!resolved.field().sortable() || resolved.type().isArray()) {
            throw CrmException.invalid(
                    QueryMessages.NOT_SORTABLE,
                    Map.of("field", path, "type", resolved.type().name(), "position", String.valueOf(position)));
        }
        return join(resolved);
    }

    ResolvedField id() {
        return new ResolvedField(QueryObject.ID, object.id(), null);
    }

    /** The FROM clause: the object's table and a LEFT JOIN per relation used so far. */
    String from() {
        StringBuilder from = new StringBuilder(object.table()).append(' ').append(object.alias());
        joined.forEach(relation -> from.append(relation.joinSql()));
        return from.toString();
    }

    private ResolvedField join(ResolvedField resolved) {
        if (resolved.relation() != null) {
            joined.add(resolved.relation());
        }
        return resolved;
    }

    private ResolvedField resolve(String path, int position, String clause) {
        QueryField own = object.fields().get(path);
        if (own != null) {
            return new ResolvedField(path, own, null);
        }
        int dot = path.indexOf('.');
        Relation relation = dot < 0 ? null : object.relations().get(path.substring(0, dot));
        if (relation == null) {
            throw CrmException.invalid(
                    QueryMessages.UNKNOWN_FIELD,
                    Map.of(
                            "field",
                            path,
                            "object",
                            object.name(),
                            "position",
                            String.valueOf(position),
                            "clause",
                            clause));
        }
        String rest = path.substring(dot + 1);
        QueryField related = relation.target().fields().get(rest);
        if (related == null) {
            throw CrmException.invalid(
                    QueryMessages.UNKNOWN_RELATED_FIELD,
                    Map.of(
                            "field",
                            rest,
                            "object",
                            relation.target().name(),
                            "path",
                            path,
                            "position",
                            String.valueOf(position),
                            "clause",
                            clause));
        }
        return new ResolvedField(path, related, relation);
    }
}
