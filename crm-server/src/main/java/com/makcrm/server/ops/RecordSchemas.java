package com.makcrm.server.ops;

import com.makcrm.core.record.FieldDescription;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordFields;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.timeline.TimelineEvent;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schemas (OpenAPI 3.1) of record bodies, built from crm-core's {@link RecordFields} so that the document
 * follows the model: per object a record ({@code Company}), what a create takes ({@code CompanyInput}), what a patch
 * takes ({@code CompanyPatch}) and the page, list and bulk envelopes around them; plus the timeline's shapes.
 */
final class RecordSchemas {

    static final String PAGE_INFO = "PageInfo";
    static final String TIMELINE_PAGE = "TimelinePage";
    private static final String TIMELINE_EVENT = "TimelineEvent";
    private static final String FIELD_CHANGE = "FieldChange";

    private RecordSchemas() {}

    /** {@code Company}, {@code Person}, ...: the name of an object's record schema, and the prefix of the others. */
    static String name(ObjectKind kind) {
        String api = kind.apiName();
        return api.substring(0, 1).toUpperCase(Locale.ROOT) + api.substring(1);
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    /** Every schema of one object's records, by component name. */
    static Map<String, Schema<?>> of(ObjectKind kind) {
        String name = name(kind);
        List<FieldDescription> fields = RecordFields.describe(kind);
        Map<String, Schema<?>> out = new LinkedHashMap<>();
        out.put(name, record(kind, fields));
        out.put(name + "Input", input(kind, fields, true));
        out.put(name + "Patch", input(kind, fields, false));
        out.put(
                name + "Page",
                object("One page of " + kind.plural() + ", in the requested order")
                        .addProperty("data", arrayOf(name))
                        .addProperty("pageInfo", new JsonSchema().$ref(ref(PAGE_INFO)))
                        .required(List.of("data", "pageInfo")));
        out.put(
                name + "List",
                object("The " + kind.plural() + " a bulk call created or changed, in request order")
                        .addProperty("data", arrayOf(name))
                        .required(List.of("data")));
        out.put(
                name + "BulkCreate",
                object("Creates 1 to " + RecordService.MAX_BULK + " " + kind.plural()
                                + " in one transaction; when any is invalid none is created")
                        .addProperty("records", bulk(arrayOf(name + "Input")))
                        .required(List.of("records")));
        out.put(
                name + "Change",
                object("A change of one " + kind.apiName())
                        .addProperty("id", string("uuid", "The record's id"))
                        .addProperty(
                                "version",
                                integer("The version the change was made against (409 when the record is at another)")
                                        .minimum(BigDecimal.ONE))
                        .addProperty("patch", new JsonSchema().$ref(ref(name + "Patch")))
                        .required(List.of("id", "version", "patch")));
        out.put(
                name + "BulkUpdate",
                object("Changes 1 to " + RecordService.MAX_BULK + " " + kind.plural()
                                + " in one transaction; when any change fails none is made")
                        .addProperty("changes", bulk(arrayOf(name + "Change")))
                        .required(List.of("changes")));
        return out;
    }

    /** Where the next page of a list or timeline starts; replaces what springdoc derives, which misses the null. */
    static Schema<?> pageInfo() {
        return object("Where the next page starts")
                .addProperty(
                        "nextCursor",
                        new JsonSchema()
                                .types(new LinkedHashSet<>(List.of("string", "null")))
                                .description("Pass it as cursor to get the next page; null on the last page"))
                .addProperty("hasNextPage", new JsonSchema().typesItem("boolean"))
                .required(List.of("nextCursor", "hasNextPage"));
    }

    /** The timeline's event, change and page, shared by every object. */
    static Map<String, Schema<?>> timeline() {
        List<String> actions =
                Arrays.stream(TimelineEvent.Action.values()).map(Enum::name).toList();
        Map<String, Schema<?>> out = new LinkedHashMap<>();
        out.put(
                FIELD_CHANGE,
                object("A field's value before and after the change; null where it had none")
                        .addProperty("before", new JsonSchema())
                        .addProperty("after", new JsonSchema())
                        .required(List.of("before", "after")));
        JsonSchema action = new JsonSchema();
        action.typesItem("string").description("What happened to the record");
        action.setEnum(new ArrayList<>(actions));
        out.put(
                TIMELINE_EVENT,
                object("One change of a record")
                        .addProperty("id", string("uuid", "The event's id; a page's nextCursor is the last one's"))
                        .addProperty("occurredAt", string("date-time", null))
                        .addProperty(
                                "actor",
                                new JsonSchema()
                                        .types(new LinkedHashSet<>(List.of("string", "null")))
                                        .description("Who made the change: user:<id> or api-key:<id>"))
                        .addProperty("action", action)
                        .addProperty(
                                "diff",
                                object(
                                                "The changed fields by path (name, amount.amountMinor, custom.tier, targets.companyIds)")
                                        .additionalProperties(new JsonSchema().$ref(ref(FIELD_CHANGE))))
                        .required(List.of("id", "occurredAt", "actor", "action", "diff")));
        out.put(
                TIMELINE_PAGE,
                object("One page of a record's timeline, newest first")
                        .addProperty("data", arrayOf(TIMELINE_EVENT))
                        .addProperty("pageInfo", new JsonSchema().$ref(ref(PAGE_INFO)))
                        .required(List.of("data", "pageInfo")));
        return out;
    }

    private static Schema<?> record(ObjectKind kind, List<FieldDescription> fields) {
        Schema<?> schema = object("A " + kind.apiName() + " as the API returns it; every field is present, null"
                + " where it has no value");
        fields.forEach(f -> schema.addProperty(f.name(), read(f)));
        return schema.required(fields.stream().map(FieldDescription::name).toList());
    }

    private static Schema<?> input(ObjectKind kind, List<FieldDescription> fields, boolean create) {
        String description = create
                ? "A new " + kind.apiName() + ": the fields to set; those left out stay empty or take their default"
                : "The fields to change, all optional; fields left out keep their value and null clears one."
                        + " Objects (money, address, emails, phones, targets) are replaced as a whole; custom is"
                        + " merged by field name.";
        Schema<?> schema = object(description).additionalProperties(false);
        List<String> required = new ArrayList<>();
        for (FieldDescription f : fields) {
            if (f.writable()) {
                schema.addProperty(f.name(), write(f, create));
                if (create && f.required()) {
                    required.add(f.name());
                }
            }
        }
        return required.isEmpty() ? schema : schema.required(required);
    }

    /** As a record holds it: null where nullable, required where always present. */
    private static Schema<?> read(FieldDescription f) {
        Schema<?> schema = value(f, f.nullable(), false);
        if (!f.writable()) {
            schema.readOnly(true);
        }
        if (!f.properties().isEmpty()) {
            f.properties().forEach(p -> schema.addProperty(p.name(), read(p)));
            List<String> present = f.properties().stream()
                    .filter(FieldDescription::alwaysPresent)
                    .map(FieldDescription::name)
                    .toList();
            if (!present.isEmpty()) {
                schema.required(present);
            }
        }
        if (f.items() != null) {
            schema.items(read(f.items()));
        }
        return schema;
    }

    /** As a write takes it: required parts where the model needs them, defaults where the database has them. */
    private static Schema<?> write(FieldDescription f, boolean create) {
        Schema<?> schema = value(f, f.nullable(), true);
        if (create && f.defaultValue() != null) {
            schema.setDefault(f.defaultValue());
        }
        if (!f.properties().isEmpty()) {
            f.properties().forEach(p -> schema.addProperty(p.name(), write(p, create)));
            List<String> required = f.properties().stream()
                    .filter(FieldDescription::required)
                    .map(FieldDescription::name)
                    .toList();
            if (!required.isEmpty()) {
                schema.required(required);
            }
        }
        if (f.items() != null) {
            schema.items(write(f.items(), create));
        }
        return schema;
    }

    private static Schema<?> value(FieldDescription f, boolean nullable, boolean write) {
        JsonSchema schema = new JsonSchema();
        LinkedHashSet<String> types =
                new LinkedHashSet<>(List.of(f.type().name().toLowerCase(Locale.ROOT)));
        if (nullable) {
            types.add("null");
        }
        schema.types(types);
        schema.format(f.format());
        schema.description(description(f, write));
        if (!f.enumValues().isEmpty()) {
            List<Object> values = new ArrayList<>(f.enumValues());
            if (nullable) {
                values.add(null);
            }
            schema.setEnum(values);
        }
        bounds(schema, f);
        if (f.type() == FieldDescription.Type.OBJECT && f.properties().isEmpty()) {
            schema.additionalProperties(true);
        }
        return schema;
    }

    private static void bounds(Schema<?> schema, FieldDescription f) {
        switch (f.type()) {
            case INTEGER -> {
                schema.minimum(f.min() == null ? null : BigDecimal.valueOf(f.min()));
                schema.maximum(f.max() == null ? null : BigDecimal.valueOf(f.max()));
            }
            case STRING -> {
                schema.minLength(f.min() == null ? null : Math.toIntExact(f.min()));
                schema.maxLength(f.max() == null ? null : Math.toIntExact(f.max()));
            }
            case ARRAY -> {
                schema.minItems(f.min() == null ? null : Math.toIntExact(f.min()));
                schema.maxItems(f.max() == null ? null : Math.toIntExact(f.max()));
            }
            default -> {
                // booleans and objects have no bounds
            }
        }
    }

    private static String description(FieldDescription f, boolean write) {
        String text = f.description();
        if (f.type() == FieldDescription.Type.OBJECT && f.properties().isEmpty()) {
            text = sentences(text, "The fields and their types: GET /api/v1/metadata/fields.");
        }
        return write && f.nullable() ? sentences(text, "Null clears it.") : text;
    }

    private static String sentences(String text, String more) {
        return text == null ? more : text + (text.endsWith(".") ? " " : ". ") + more;
    }

    private static Schema<?> bulk(Schema<?> array) {
        return array.minItems(1).maxItems(RecordService.MAX_BULK);
    }

    private static Schema<?> object(String description) {
        return new JsonSchema().typesItem("object").description(description);
    }

    private static Schema<?> arrayOf(String schema) {
        return new JsonSchema().typesItem("array").items(new JsonSchema().$ref(ref(schema)));
    }

    private static Schema<?> string(String format, String description) {
        return new JsonSchema().typesItem("string").format(format).description(description);
    }

    private static Schema<?> integer(String description) {
        return new JsonSchema().typesItem("integer").format("int32").description(description);
    }
}
