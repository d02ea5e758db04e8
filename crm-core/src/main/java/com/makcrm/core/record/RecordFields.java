package com.makcrm.core.record;

import com.makcrm.core.query.QueryField;
import com.makcrm.core.query.QueryObject;
import com.makcrm.core.record.FieldDescription.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of each object's records, as JSON shows them: what {@link RecordService} returns (every key of
 * {@link CrmRecord#fields()}, in the same order) and which of them a create or update takes. Built from the object
 * model itself, for documentation such as the server's OpenAPI schemas.
 */
public final class RecordFields {

    private RecordFields() {}

    /**
     * What a query-language {@code filter} and {@code order} can name on an object besides its custom fields
     * ({@code custom.<name>}).
     *
     * @param fields built-in fields, sorted; composites are flattened ({@code addressCity}, {@code amount} in minor
     *     units, {@code emails} for every email of a person)
     * @param sortable those of {@code fields} an order can use (not arrays or long text)
     * @param relations to-one relations by name, whose fields are named {@code <relation>.<field>}
     */
    public record QueryPaths(List<String> fields, List<String> sortable, Map<String, ObjectKind> relations) {}

    /** The query-language paths of this object. */
    public static QueryPaths queryPaths(ObjectKind kind) {
        QueryObject object = RecordQueries.object(kind, Map.of());
        List<QueryField> fields = object.fields().values().stream()
                .sorted(Comparator.comparing(QueryField::name))
                .toList();
        Map<String, ObjectKind> relations = new TreeMap<>();
        object.relations()
                .forEach((name, r) ->
                        relations.put(name, ObjectKind.parse(r.target().name())));
        return new QueryPaths(
                fields.stream()
                        .filter(QueryField::filterable)
                        .map(QueryField::name)
                        .toList(),
                fields.stream()
                        .filter(QueryField::sortable)
                        .map(QueryField::name)
                        .toList(),
                Collections.unmodifiableMap(relations));
    }

    /**
     * Every field of a record of this object, in record order: {@code id}, {@code version}, the built-in fields,
     * {@code custom} (objects with custom fields), the audit fields and {@code targets} (tasks and notes).
     */
    public static List<FieldDescription> describe(ObjectKind kind) {
        ObjectModel model = ObjectModel.of(kind);
        List<FieldDescription> out = new ArrayList<>();
        out.add(FieldDescription.field("id", Type.STRING)
                .format("uuid")
                .readOnly()
                .notNull()
                .description("Assigned by the server on create")
                .build());
        out.add(FieldDescription.field("version", Type.INTEGER)
                .format("int32")
                .readOnly()
                .notNull()
                .min(1L)
                .description("1 when created, one more with every change; a change names the version it was made"
                        + " against")
                .build());
        model.attributes().values().forEach(a -> out.add(a.describe()));
        if (kind.hasCustomFields()) {
            out.add(FieldDescription.field("custom", Type.OBJECT)
                    .notNull()
                    .description("Values of the tenant's custom fields of this object by field name; fields"
                            + " without a value are left out. An update changes only the names it gives (null removes"
                            + " a value).")
                    .build());
        }
        out.add(timestamp("createdAt", false, "When the record was created"));
        out.add(actor("createdBy", "Who created it: user:<id> or api-key:<id>"));
        out.add(timestamp("updatedAt", false, "When the record last changed (equal to createdAt at first)"));
        out.add(actor("updatedBy", "Who changed it last: user:<id> or api-key:<id>"));
        out.add(timestamp("deletedAt", true, "When the record was soft-deleted; null while it is live"));
        if (model.hasTargets()) {
            out.add(Targets.describe());
        }
        return List.copyOf(out);
    }

    private static FieldDescription timestamp(String name, boolean nullable, String description) {
        FieldDescription.Builder b = FieldDescription.field(name, Type.STRING)
                .format("date-time")
                .readOnly()
                .description(description);
        return (nullable ? b : b.notNull()).build();
    }

    private static FieldDescription actor(String name, String description) {
        return FieldDescription.field(name, Type.STRING)
                .readOnly()
                .description(description)
                .build();
    }
}
