package com.makcrm.server.ops;

import com.makcrm.core.record.ObjectKind;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the record collections ({@code /api/v1/companies}, {@code /people}, ...) precisely. Their controller
 * takes and returns plain maps, which alone would be documented as bare objects; this adds each object's schemas
 * ({@link RecordSchemas}) and wires them into the bodies and responses of its operations, documents the
 * {@code ETag}, {@code Location} and {@code If-Match} headers (required on PATCH: the controller takes it as optional
 * only to answer 428 itself), and explains the query parameters ({@link RecordParameters}).
 */
final class RecordOperations implements OpenApiCustomizer {

    static final String BASE = "/api/v1/";
    static final String ETAG = "ETag";
    static final String IF_MATCH = "If-Match";
    private static final String JSON = "application/json";
    private static final String LOCATION = "Location";

    /** What springdoc derives from the controller's map-typed signatures, made obsolete by the schemas per object. */
    private static final List<String> GENERIC_SCHEMAS = List.of(
            "PageResponseMapStringObject",
            "DataResponseMapStringObject",
            "BulkCreateRequest",
            "BulkUpdateRequest",
            "ChangeRequest",
            "PageResponseTimelineEventView",
            "TimelineEventView");

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSchemas(RecordSchemas.PAGE_INFO, RecordSchemas.pageInfo());
        RecordSchemas.timeline().forEach(components::addSchemas);
        components
                .addHeaders(
                        ETAG,
                        new Header()
                                .description("The record's version as a strong ETag, e.g. \"3\": send it back in"
                                        + " If-Match to change the record")
                                .schema(new JsonSchema().typesItem("string")))
                .addHeaders(
                        LOCATION,
                        new Header()
                                .description("The new record's URL")
                                .schema(new JsonSchema().typesItem("string").format("uri-reference")));
        if (api.getPaths() == null) {
            return;
        }
        for (ObjectKind kind : ObjectKind.values()) {
            RecordSchemas.of(kind).forEach(components::addSchemas);
            document(kind, api);
        }
        removeUnreferenced(api, GENERIC_SCHEMAS);
    }

    private static void document(ObjectKind kind, OpenAPI api) {
        String base = BASE + kind.plural();
        String name = RecordSchemas.name(kind);
        String one = (kind.apiName().matches("^[aeiou].*") ? "an " : "a ") + kind.apiName();
        operation(
                api,
                base,
                HttpMethod.GET,
                "List " + kind.plural(),
                op -> respond(op, "200", "A page of " + kind.plural(), name + "Page"));
        operation(api, base, HttpMethod.POST, "Create " + one, op -> {
            body(op, name + "Input", "The new " + kind.apiName());
            respond(op, "201", "Created; the record as stored", name, ETAG, LOCATION);
            respond(
                    op,
                    "200",
                    "With onDuplicate=update: an existing " + kind.apiName() + " matched and was updated instead",
                    name,
                    ETAG);
        });
        operation(
                api,
                base + "/{id}",
                HttpMethod.GET,
                "Get " + one,
                op -> respond(op, "200", "The " + kind.apiName(), name, ETAG));
        operation(api, base + "/{id}", HttpMethod.PATCH, "Update " + one, op -> {
            body(op, name + "Patch", "The fields to change");
            respond(op, "200", "The " + kind.apiName() + " as changed", name, ETAG);
        });
        operation(
                api,
                base + "/{id}",
                HttpMethod.DELETE,
                "Delete " + one + " (soft; restore brings it back)",
                op -> respond(op, "200", "The deleted " + kind.apiName() + ", deletedAt set", name, ETAG));
        operation(
                api,
                base + "/{id}/restore",
                HttpMethod.POST,
                "Restore a deleted " + kind.apiName(),
                op -> respond(op, "200", "The restored " + kind.apiName(), name, ETAG));
        operation(api, base + "/bulk", HttpMethod.POST, "Create " + kind.plural() + " in bulk", op -> {
            body(op, name + "BulkCreate", "The " + kind.plural() + " to create");
            op.getResponses().remove("200");
            respond(op, "201", "The created " + kind.plural(), name + "List");
        });
        operation(api, base + "/bulk", HttpMethod.PATCH, "Update " + kind.plural() + " in bulk", op -> {
            body(op, name + "BulkUpdate", "The changes");
            respond(op, "200", "The changed " + kind.plural(), name + "List");
        });
        operation(
                api,
                base + "/{id}/timeline",
                HttpMethod.GET,
                "The changes of " + one + ", newest first",
                op -> respond(op, "200", "A page of the timeline", RecordSchemas.TIMELINE_PAGE));
        operation(api, base + "/export", HttpMethod.GET, "Export " + kind.plural() + " as CSV", op -> {});
        operation(api, base + "/import", HttpMethod.POST, "Import " + kind.plural() + " from CSV", op -> {});
        operation(api, base + "/{id}/attachments", HttpMethod.GET, "The files attached to " + one, op -> {});
        operation(api, base + "/{id}/attachments", HttpMethod.POST, "Attach a file to " + one, op -> {});
        api.getPaths().forEach((path, item) -> {
            if (path.equals(base) || path.startsWith(base + "/")) {
                item.readOperationsMap()
                        .forEach((method, op) ->
                                RecordParameters.describe(kind, path.substring(base.length()), method, op));
            }
        });
    }

    private static void operation(
            OpenAPI api, String path, HttpMethod method, String summary, Consumer<Operation> work) {
        PathItem item = api.getPaths().get(path);
        Operation op = item == null ? null : item.readOperationsMap().get(method);
        if (op != null) {
            op.summary(summary);
            if (op.getResponses() == null) {
                op.responses(new ApiResponses());
            }
            work.accept(op);
            successFirst(op);
        }
    }

    private static void successFirst(Operation op) {
        ApiResponses sorted = new ApiResponses();
        op.getResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.setExtensions(op.getResponses().getExtensions());
        op.responses(sorted);
    }

    /** Puts the schema on every media type the operation consumes (JSON, and merge patch where it takes it). */
    private static void body(Operation op, String schema, String description) {
        RequestBody body = op.getRequestBody() == null ? new RequestBody() : op.getRequestBody();
        Content content = body.getContent() == null ? new Content() : body.getContent();
        if (content.isEmpty()) {
            content.addMediaType(JSON, new MediaType());
        }
        content.values().forEach(m -> m.schema(new JsonSchema().$ref(RecordSchemas.ref(schema))));
        op.requestBody(body.content(content).required(true).description(description));
    }

    private static void respond(Operation op, String status, String description, String schema, String... headers) {
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(JSON, new MediaType().schema(new JsonSchema().$ref(RecordSchemas.ref(schema)))))
                .addHeaderObject(ProblemResponses.REQUEST_ID, new Header().$ref(ProblemResponses.REQUEST_ID));
        for (String header : headers) {
            response.addHeaderObject(header, new Header().$ref(header));
        }
        op.getResponses().addApiResponse(status, response);
    }

    /** Drops those of the named schemas nothing refers to, again while a removal leaves another unreferenced. */
    private static void removeUnreferenced(OpenAPI api, List<String> names) {
        boolean removed = true;
        while (removed) {
            String document;
            try {
                document = Json31.mapper().writeValueAsString(api);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return; // unused schemas are harmless
            }
            removed = api.getComponents()
                    .getSchemas()
                    .keySet()
                    .removeIf(
                            name -> names.contains(name) && !document.contains("\"" + RecordSchemas.ref(name) + "\""));
        }
    }
}
