package com.makcrm.core.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the query compiler knows about one CRM object: its table, the fields users may address and the to-one
 * relations one path step away. Every object has a field {@code id} of type UUID, the final sort key.
 *
 * @param table unqualified: the tenant schema comes from the connection's search_path
 * @param alias the SQL alias every field expression of this object uses (e.g. {@code o} in {@code o.amount})
 * @param softDeleteColumn rows where this column is set are hidden unless asked for; null when the object
 *     has no soft delete
 */
public record QueryObject(
        String name,
        String table,
        String alias,
        Map<String, QueryField> fields,
        Map<String, Relation> relations,
        String softDeleteColumn) {

    public static final String ID = "id";

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    public QueryObject {
        requireIdentifier("name", name);
        requireIdentifier("table", table);
        requireIdentifier("alias", alias);
        if (softDeleteColumn != null) {
            requireIdentifier("softDeleteColumn", softDeleteColumn);
        }
        fields = Map.copyOf(fields);
        relations = relations == null ? Map.of() : Map.copyOf(relations);
        fields.forEach(QueryObject::requireKeyIsName);
        requireId(name, fields);
        requireDistinctAliases(alias, relations.values());
    }

    public static QueryObject of(
            String name, String table, String alias, String softDeleteColumn, Collection<QueryField> fields) {
        Map<String, QueryField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        return new QueryObject(name, table, alias, byName, Map.of(), softDeleteColumn);
    }

    /** A copy with one more field, e.g. the tenant's custom fields added per request. */
    public QueryObject withField(QueryField field) {
        Map<String, QueryField> more = new LinkedHashMap<>(fields);
        more.put(field.name(), field);
        return new QueryObject(name, table, alias, more, relations, softDeleteColumn);
    }

    /** A copy with a to-one relation, addressed in paths as {@code <relationName>.<field>}. */
    public QueryObject withRelation(String relationName, QueryObject target, String joinCondition) {
        Map<String, Relation> more = new LinkedHashMap<>(relations);
        more.put(relationName, new Relation(relationName, target, joinCondition));
        return new QueryObject(name, table, alias, fields, more, softDeleteColumn);
    }

    QueryField id() {
        return fields.get(ID);
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a plain lowercase SQL identifier, got: " + value);
        }
    }

    private static void requireKeyIsName(String key, QueryField field) {
        if (!key.equals(field.name())) {
            throw new IllegalArgumentException("field map key '" + key + "' differs from field name " + field.name());
        }
    }

    private static void requireId(String name, Map<String, QueryField> fields) {
        QueryField id = fields.get(ID);
        if (id == null || id.type() != FieldType.UUID) {
            throw new IllegalArgumentException(name + " needs a field 'id' of type UUID: it breaks sort ties");
        }
    }

    // field expressions carry their alias in trusted SQL text, so joined objects cannot be renamed on the fly
    private static void requireDistinctAliases(String alias, Collection<Relation> relations) {
        Set<String> seen = new HashSet<>(Set.of(alias));
        for (Relation relation : relations) {
            if (!seen.add(relation.target().alias())) {
                throw new IllegalArgumentException("relation " + relation.name() + " reuses SQL alias "
                        + relation.target().alias() + "; give every joined object its own alias");
            }
        }
    }
}
