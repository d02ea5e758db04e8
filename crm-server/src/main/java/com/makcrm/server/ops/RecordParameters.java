package com.makcrm.server.ops;

import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordFields;
import com.makcrm.core.timeline.Timeline;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the record operations' query parameters and {@code If-Match} header mean, per object: the query language
 * (crm-core's {@code com.makcrm.core.query}) with the object's own field names and a working example.
 */
final class RecordParameters {

    /** The largest and the default page of a list, as crm-core's query limits have them (tests check both). */
    static final int MAX_PAGE = 200;

    static final int DEFAULT_PAGE = 50;

    /** A filter and an order that work on each object; the tests run them. */
    record Example(String filter, String order) {}

    private RecordParameters() {}

    static Example example(ObjectKind kind) {
        return switch (kind) {
            case COMPANY -> new Example("and(employees[gte]:50,addressCountry[eq]:DE)", "employees[desc],name");
            case PERSON -> new Example("and(company.name[startsWith]:Ac,email[isNotNull])", "lastName,firstName");
            case OPPORTUNITY -> new Example("and(stage[eq]:PROPOSAL,amount[gte]:100000)", "amount[desc],name");
            case TASK ->
                new Example(
                        "and(status[in]:(TODO,IN_PROGRESS),dueAt[lt]:2030-01-01T00:00:00Z)", "dueAt[asc,nullsLast]");
            case NOTE -> new Example("title[contains]:meeting", "createdAt[desc]");
        };
    }

    /** Explains the parameters of one operation below {@code /api/v1/<objects>} ({@code subPath} after that). */
    static void describe(ObjectKind kind, String subPath, HttpMethod method, Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        boolean timeline = subPath.endsWith("/timeline");
        for (Parameter p : op.getParameters()) {
            switch (p.getName() == null ? "" : p.getName()) {
                case "filter" ->
                    p.description(filter(kind)).example(example(kind).filter());
                case "order" -> p.description(order(kind)).example(example(kind).order());
                case "cursor" ->
                    p.description(
                            timeline
                                    ? "The pageInfo.nextCursor of the previous page (an event id)"
                                    : "The pageInfo.nextCursor of the previous page, unchanged; valid only with the"
                                            + " same order");
                case "limit" -> {
                    int max = timeline ? Timeline.MAX_PAGE : MAX_PAGE;
                    p.description((timeline ? "Events" : "Records") + " per page, 1 to " + max + " (default "
                                    + DEFAULT_PAGE + ")")
                            .schema(integer(1, max, DEFAULT_PAGE));
                }
                case "includeDeleted" -> p.description("Also return soft-deleted records (deletedAt set)");
                case "onDuplicate" -> onDuplicate(kind, subPath.equals("/import"), p);
                case "atomic" -> p.description("Import nothing when any row is invalid");
                case "ignoreUnknownColumns" ->
                    p.description("Skip columns that match no field instead of refusing the file");
                case RecordOperations.IF_MATCH -> ifMatch(method == HttpMethod.PATCH, p);
                default -> {
                    // path variables and X-Request-Id explain themselves
                }
            }
        }
    }

    private static String filter(ObjectKind kind) {
        RecordFields.QueryPaths paths = RecordFields.queryPaths(kind);
        return "Which " + kind.plural() + " to return, in the query language: conditions field[operator]:value,"
                + " combined with and(...), or(...) and not(...). Operators: eq neq gt gte lt lte in nin contains"
                + " startsWith isNull isNotNull; in and nin take a list (a,b), isNull and isNotNull no value; contains"
                + " and startsWith ignore case. Quote values holding commas, parentheses or spaces:"
                + " name[eq]:\"Smith, John\". Dates as 2025-01-31, date-times with an offset, money in minor units.\n\n"
                + "Fields: " + String.join(", ", paths.fields()) + "; custom fields as custom.<name>"
                + relations(paths) + ".\n\nExample: filter=" + example(kind).filter();
    }

    private static String order(ObjectKind kind) {
        RecordFields.QueryPaths paths = RecordFields.queryPaths(kind);
        return "Sort keys separated by commas, at most 5: a field, optionally with [asc] or [desc] and nullsFirst or"
                + " nullsLast (closeDate[asc,nullsLast]); ascending by default, ties broken by id. Without it, records"
                + " come in id order.\n\nSortable: " + String.join(", ", paths.sortable())
                + "; custom fields as custom.<name>" + relations(paths) + ".\n\nExample: order="
                + example(kind).order();
    }

    private static String relations(RecordFields.QueryPaths paths) {
        if (paths.relations().isEmpty()) {
            return "";
        }
        return "; the fields of related records as "
                + paths.relations().entrySet().stream()
                        .map(e -> e.getKey() + ".<field> (" + e.getValue().apiName() + ")")
                        .collect(Collectors.joining(", "));
    }

    private static void onDuplicate(ObjectKind kind, boolean csvImport, Parameter p) {
        List<Object> choices =
                new ArrayList<>(csvImport ? List.of("fail", "skip", "update") : List.of("fail", "update"));
        JsonSchema schema = new JsonSchema();
        schema.typesItem("string");
        schema.setEnum(choices);
        schema.setDefault("fail");
        String match = switch (kind) {
            case COMPANY -> "matching a live company with the same domain";
            case PERSON -> "matching a live person by one of the emails";
            default -> "matching an existing record (" + kind.plural() + " have no duplicate rule)";
        };
        p.schema(schema)
                .description(
                        csvImport
                                ? "What a row " + match + " does: fail (a row error), skip, or update that record"
                                : "What a create " + match + " does: fail (409 naming the record) or update that"
                                        + " record with the input instead");
    }

    private static void ifMatch(boolean required, Parameter p) {
        p.required(required)
                .example("\"3\"")
                .schema(new JsonSchema().typesItem("string"))
                .description(
                        required
                                ? "The version last read, as its ETag (e.g. \"3\"). Required: without it the answer is"
                                        + " 428; a stale version answers 409"
                                : "Optional: the version last read, as its ETag (e.g. \"3\"); a stale version answers"
                                        + " 409");
    }

    private static Schema<?> integer(int min, int max, int defaultValue) {
        Schema<?> schema = new JsonSchema()
                .typesItem("integer")
                .format("int32")
                .minimum(BigDecimal.valueOf(min))
                .maximum(BigDecimal.valueOf(max));
        schema.setDefault(defaultValue);
        return schema;
    }
}
