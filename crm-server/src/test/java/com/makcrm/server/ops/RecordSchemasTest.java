package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.record.FieldDescription;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordFields;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the record collections' bodies per object, as crm-core's model has them, and every
 * record the server really returns validates against its schema: the document cannot drift from the model.
 */
class RecordSchemasTest extends ApiTestBase {

    private static final String FIELDS = "/api/v1/metadata/fields";

    private JsonNode doc;

    @BeforeEach
    void document() {
        Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        doc = r.json();
    }

    @Test
    void companySchemaHasEveryFieldWithItsJsonType() {
        JsonNode company = schema("Company").get("properties");

        assertThat(company.at("/id/type").asString()).isEqualTo("string");
        assertThat(company.at("/id/format").asString()).isEqualTo("uuid");
        assertThat(company.at("/version/type").asString()).isEqualTo("integer");
        assertThat(types(company.get("domain"))).containsExactly("string", "null");
        assertThat(types(company.get("employees"))).containsExactly("integer", "null");
        assertThat(company.at("/employees/minimum").asInt()).isZero();
        assertThat(company.at("/annualRevenue/properties/amountMinor/type").asString())
                .isEqualTo("integer");
        assertThat(company.at("/annualRevenue/properties/amountMinor/format").asString())
                .isEqualTo("int64");
        assertThat(company.at("/annualRevenue/properties/currency/maxLength").asInt())
                .isEqualTo(3);
        assertThat(names(company.at("/address/properties"))).containsExactly("street", "city", "postcode", "country");
        assertThat(company.at("/idealCustomer/type").asString()).isEqualTo("boolean");
        assertThat(company.at("/linkedinUrl/format").asString()).isEqualTo("uri");
        assertThat(company.at("/custom/additionalProperties").asBoolean()).isTrue();
        assertThat(company.at("/custom/description").asString()).contains("/api/v1/metadata/fields");
        assertThat(company.at("/createdAt/format").asString()).isEqualTo("date-time");
        assertThat(company.at("/createdAt/readOnly").asBoolean()).isTrue();
        assertThat(types(company.get("deletedAt"))).containsExactly("string", "null");
        assertThat(strings(schema("Company").get("required"))).containsAll(names(company));

        JsonNode person = schema("Person").get("properties");
        assertThat(person.at("/companyId/format").asString()).isEqualTo("uuid");
        assertThat(person.at("/emails/properties/primary/format").asString()).isEqualTo("email");
        assertThat(person.at("/emails/properties/additional/items/type").asString())
                .isEqualTo("string");
        assertThat(schema("Opportunity").at("/properties/closeDate/format").asString())
                .isEqualTo("date");
    }

    @Test
    void inputsHoldTheWritableFieldsAndRequireWhatACreateRequires() {
        JsonNode input = schema("CompanyInput");
        assertThat(strings(input.get("required"))).containsExactly("name");
        assertThat(names(input.get("properties")))
                .contains("name", "domain", "custom")
                .doesNotContain("id", "version");
        assertThat(input.at("/properties/idealCustomer/default").asBoolean()).isFalse();
        assertThat(input.get("additionalProperties").asBoolean()).isFalse();
        assertThat(input.at("/properties/annualRevenue/required").toString()).contains("amountMinor", "currency");

        JsonNode patch = schema("CompanyPatch");
        assertThat(patch.has("required")).isFalse();
        assertThat(names(patch.get("properties"))).isEqualTo(names(input.get("properties")));
        assertThat(patch.get("description").asString()).contains("null clears");

        assertThat(strings(schema("TaskInput").get("required"))).containsExactly("title");
        assertThat(schema("PersonInput").has("required")).isFalse();
    }

    @Test
    void taskStatusIsAnEnumAndTargetsListLinkedIds() {
        JsonNode task = schema("Task").get("properties");
        assertThat(strings(task.at("/status/enum"))).containsExactly("TODO", "IN_PROGRESS", "DONE");
        assertThat(schema("TaskInput").at("/properties/status/default").asString())
                .isEqualTo("TODO");
        assertThat(names(task.at("/targets/properties"))).containsExactly("companyIds", "personIds", "opportunityIds");
        assertThat(task.at("/targets/properties/companyIds/items/format").asString())
                .isEqualTo("uuid");
        assertThat(task.has("custom")).isFalse();
        assertThat(schema("Note").at("/properties/targets").isMissingNode()).isFalse();
    }

    @Test
    void schemasHaveExactlyTheFieldsOfTheModel() {
        for (ObjectKind kind : ObjectKind.values()) {
            String name = RecordSchemas.name(kind);
            List<FieldDescription> fields = RecordFields.describe(kind);
            assertThat(names(schema(name).get("properties")))
                    .as(name)
                    .containsExactlyElementsOf(
                            fields.stream().map(FieldDescription::name).toList());
            assertThat(names(schema(name + "Input").get("properties")))
                    .as(name + "Input")
                    .containsExactlyElementsOf(fields.stream()
                            .filter(FieldDescription::writable)
                            .map(FieldDescription::name)
                            .toList());
        }
    }

    @Test
    void listAnswersAPageOfRecordsAndExplainsTheQueryLanguage() {
        JsonNode list = doc.at("/paths/~1api~1v1~1companies/get");
        assertThat(ref(list.at("/responses/200/content/application~1json/schema")))
                .isEqualTo("CompanyPage");
        assertThat(ref(schema("CompanyPage").at("/properties/data/items"))).isEqualTo("Company");
        assertThat(ref(schema("CompanyPage").at("/properties/pageInfo"))).isEqualTo("PageInfo");

        Map<String, JsonNode> params =
                parameters(doc.at("/paths/~1api~1v1~1opportunities/get").get("parameters"));
        assertThat(params.get("filter").get("description").asString())
                .contains("field[operator]:value", "filter=and(stage[eq]:PROPOSAL,amount[gte]:100000)", "stage")
                .contains("company.<field>", "custom.<name>");
        assertThat(params.get("order").get("description").asString()).contains("order=amount[desc],name");
        assertThat(params.get("limit").at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(params.get("limit").at("/schema/maximum").asInt()).isEqualTo(200);
        assertThat(params.get("limit").at("/schema/default").asInt()).isEqualTo(50);
        assertThat(params.get("cursor").get("description").asString()).contains("nextCursor");
        assertThat(parameters(list.get("parameters"))
                        .get("filter")
                        .get("description")
                        .asString())
                .contains("addressCity");
    }

    @Test
    void patchRequiresIfMatchAndTakesAPatchAsJsonOrMergePatch() {
        for (String objects : new String[] {"companies", "people", "opportunities", "tasks", "notes"}) {
            JsonNode patch = doc.at("/paths/~1api~1v1~1" + objects + "~1{id}/patch");
            JsonNode ifMatch = parameters(patch.get("parameters")).get("If-Match");
            assertThat(ifMatch.get("in").asString()).isEqualTo("header");
            assertThat(ifMatch.get("required").asBoolean()).as(objects).isTrue();
            assertThat(patch.at("/requestBody/required").asBoolean()).isTrue();
            JsonNode content = patch.at("/requestBody/content");
            assertThat(names(content)).containsExactlyInAnyOrder("application/json", "application/merge-patch+json");
            content.forEach(media -> assertThat(ref(media.get("schema"))).endsWith("Patch"));
            assertThat(patch.at("/responses/428").isMissingNode()).isFalse();
            assertThat(patch.at("/responses/200/headers/ETag").isMissingNode()).isFalse();
        }
        JsonNode companyPatch = doc.at("/paths/~1api~1v1~1companies~1{id}/patch");
        assertThat(ref(companyPatch.at("/requestBody/content/application~1merge-patch+json/schema")))
                .isEqualTo("CompanyPatch");
        assertThat(ref(companyPatch.at("/responses/200/content/application~1json/schema")))
                .isEqualTo("Company");
        JsonNode delete = doc.at("/paths/~1api~1v1~1companies~1{id}/delete");
        assertThat(parameters(delete.get("parameters"))
                        .get("If-Match")
                        .get("required")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void createsBulkAndTimelineAnswerWithTheirSchemas() {
        JsonNode create = doc.at("/paths/~1api~1v1~1people/post");
        assertThat(ref(create.at("/requestBody/content/application~1json/schema")))
                .isEqualTo("PersonInput");
        assertThat(ref(create.at("/responses/201/content/application~1json/schema")))
                .isEqualTo("Person");
        assertThat(names(create.at("/responses/201/headers"))).contains("Location", "ETag", "X-Request-Id");
        assertThat(strings(
                        parameters(create.get("parameters")).get("onDuplicate").at("/schema/enum")))
                .containsExactly("fail", "update");
        assertThat(names(create.get("responses")).get(0)).isEqualTo("200");

        JsonNode restore = doc.at("/paths/~1api~1v1~1people~1{id}~1restore/post");
        assertThat(ref(restore.at("/responses/200/content/application~1json/schema")))
                .isEqualTo("Person");

        JsonNode bulkCreate = doc.at("/paths/~1api~1v1~1people~1bulk/post");
        assertThat(ref(bulkCreate.at("/requestBody/content/application~1json/schema")))
                .isEqualTo("PersonBulkCreate");
        assertThat(ref(schema("PersonBulkCreate").at("/properties/records/items")))
                .isEqualTo("PersonInput");
        assertThat(bulkCreate.at("/responses/200").isMissingNode()).isTrue();
        assertThat(ref(bulkCreate.at("/responses/201/content/application~1json/schema")))
                .isEqualTo("PersonList");

        JsonNode bulkUpdate = doc.at("/paths/~1api~1v1~1people~1bulk/patch");
        assertThat(ref(bulkUpdate.at("/requestBody/content/application~1merge-patch+json/schema")))
                .isEqualTo("PersonBulkUpdate");
        JsonNode change = schema("PersonChange");
        assertThat(strings(change.get("required"))).containsExactly("id", "version", "patch");
        assertThat(ref(change.at("/properties/patch"))).isEqualTo("PersonPatch");

        JsonNode timeline = doc.at("/paths/~1api~1v1~1people~1{id}~1timeline/get");
        assertThat(ref(timeline.at("/responses/200/content/application~1json/schema")))
                .isEqualTo("TimelinePage");
        assertThat(ref(schema("TimelinePage").at("/properties/data/items"))).isEqualTo("TimelineEvent");
        assertThat(strings(schema("TimelineEvent").at("/properties/action/enum")))
                .contains("CREATED", "UPDATED", "DELETED", "RESTORED");
    }

    @Test
    void everyReferenceResolvesAndTheGenericMapSchemasAreGone() {
        Matcher refs = Pattern.compile("\"#/components/schemas/([^\"]+)\"").matcher(doc.toString());
        while (refs.find()) {
            assertThat(doc.at("/components/schemas").has(refs.group(1)))
                    .as(refs.group(1))
                    .isTrue();
        }
        assertThat(names(doc.at("/components/schemas")))
                .doesNotContain(
                        "PageResponseMapStringObject",
                        "DataResponseMapStringObject",
                        "BulkCreateRequest",
                        "BulkUpdateRequest",
                        "TimelineEventView");
    }

    @Test
    void everyRecordTheServerReturnsMatchesItsSchema() {
        String token = signup(email()).text("accessToken");
        Response tier = api.post(
                FIELDS,
                token,
                Map.of("object", "company", "name", "tier", "label", "Tier", "type", "TEXT", "required", false));
        assertThat(tier.status()).as(tier.body()).isEqualTo(201);

        Map<ObjectKind, Response> created = createFullRecords(token);
        for (Map.Entry<ObjectKind, Response> e : created.entrySet()) {
            String name = RecordSchemas.name(e.getKey());
            String base = "/api/v1/" + e.getKey().plural();
            String id = e.getValue().text("id");
            conforms(name + " created", ref(name), e.getValue().json());
            conforms(name + " read", ref(name), get(base + "/" + id, token).json());
            conforms(
                    name + "Page",
                    ref(name + "Page"),
                    get(base + "?limit=200", token).json());
            conforms(
                    "TimelinePage",
                    ref("TimelinePage"),
                    get(base + "/" + id + "/timeline", token).json());
        }
        assertThat(created.get(ObjectKind.COMPANY).json().at("/custom/tier").asString())
                .isEqualTo("gold");
        assertThat(created.get(ObjectKind.TASK)
                        .json()
                        .at("/targets/companyIds/0")
                        .asString())
                .isEqualTo(created.get(ObjectKind.COMPANY).text("id"));

        Response changed = api.json(
                "PATCH",
                "/api/v1/companies/" + created.get(ObjectKind.COMPANY).text("id"),
                token,
                Map.of("employees", 300),
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        conforms("Company patched", ref("Company"), changed.json());

        Response minimal = api.post("/api/v1/people", token, Map.of());
        assertThat(minimal.status()).as(minimal.body()).isEqualTo(201);
        conforms("Person minimal", ref("Person"), minimal.json());
    }

    @Test
    void documentedExamplesLimitsAndIfMatchHold() {
        String token = signup(email()).text("accessToken");
        for (ObjectKind kind : ObjectKind.values()) {
            String base = "/api/v1/" + kind.plural();
            Map<String, JsonNode> params = parameters(
                    doc.at("/paths/" + base.replace("/", "~1") + "/get").get("parameters"));
            String filter = params.get("filter").get("example").asString();
            String order = params.get("order").get("example").asString();
            assertThat(filter).isEqualTo(RecordParameters.example(kind).filter());
            Response page = get(base + "?filter=" + encode(filter) + "&order=" + encode(order), token);
            assertThat(page.status()).as(kind + " " + page.body()).isEqualTo(200);
            int max = params.get("limit").at("/schema/maximum").asInt();
            assertThat(get(base + "?limit=" + max, token).status()).isEqualTo(200);
            assertThat(get(base + "?limit=" + (max + 1), token).status()).isEqualTo(400);
        }
        Response company = api.post("/api/v1/companies", token, Map.of("name", "No If-Match"));
        Response patch = api.patch("/api/v1/companies/" + company.text("id"), token, Map.of("name", "x"));
        assertThat(patch.status()).isEqualTo(428);
    }

    /** One record of each object with every field its input schema has, custom values and links included. */
    private Map<ObjectKind, Response> createFullRecords(String token) {
        Map<ObjectKind, Response> out = new LinkedHashMap<>();
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Acme");
        company.put("domain", "https://www.acme-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
        company.put("employees", 250);
        company.put("annualRevenue", Map.of("amountMinor", 125_000_000L, "currency", "eur"));
        company.put("address", Map.of("street", "Main St 1", "city", "Berlin", "postcode", "10115", "country", "de"));
        company.put("ownerId", UUID.randomUUID().toString());
        company.put("linkedinUrl", "https://www.linkedin.com/company/acme");
        company.put("xUrl", "https://x.com/acme");
        company.put("idealCustomer", true);
        company.put("custom", Map.of("tier", "gold"));
        out.put(ObjectKind.COMPANY, create(ObjectKind.COMPANY, company, token));
        String companyId = out.get(ObjectKind.COMPANY).text("id");

        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", "Ann");
        person.put("lastName", "Lee");
        person.put("emails", Map.of("primary", "Ann@" + UUID.randomUUID() + ".example", "additional", List.of()));
        person.put("phones", Map.of("additional", List.of("+14155550123", "+14155550124")));
        person.put("jobTitle", "CTO");
        person.put("city", "Berlin");
        person.put("companyId", companyId);
        person.put("avatarUrl", "https://acme.example/ann.png");
        person.put("linkedinUrl", "https://www.linkedin.com/in/ann");
        person.put("xUrl", "https://x.com/ann");
        person.put("custom", Map.of());
        out.put(ObjectKind.PERSON, create(ObjectKind.PERSON, person, token));
        String personId = out.get(ObjectKind.PERSON).text("id");

        Response probe = api.post("/api/v1/opportunities", token, Map.of("name", "Probe"));
        Map<String, Object> opportunity = new LinkedHashMap<>();
        opportunity.put("name", "Big deal");
        opportunity.put("amount", Map.of("amountMinor", 10_000_000L, "currency", "USD"));
        opportunity.put("closeDate", "2030-06-30");
        opportunity.put("pipelineId", probe.text("pipelineId"));
        opportunity.put("stage", "PROPOSAL");
        opportunity.put("probability", 55);
        opportunity.put("companyId", companyId);
        opportunity.put("pointOfContactId", personId);
        opportunity.put("ownerId", UUID.randomUUID().toString());
        opportunity.put("custom", Map.of());
        out.put(ObjectKind.OPPORTUNITY, create(ObjectKind.OPPORTUNITY, opportunity, token));

        Map<String, Object> targets = Map.of(
                "companyIds", List.of(companyId),
                "personIds", List.of(personId),
                "opportunityIds", List.of(out.get(ObjectKind.OPPORTUNITY).text("id")));
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", "Call Ann");
        task.put("body", "About the proposal");
        task.put("dueAt", "2030-06-01T11:30:00+02:00");
        task.put("status", "IN_PROGRESS");
        task.put("assigneeId", UUID.randomUUID().toString());
        task.put("targets", targets);
        out.put(ObjectKind.TASK, create(ObjectKind.TASK, task, token));

        Map<String, Object> note = new LinkedHashMap<>();
        note.put("title", "Met Ann");
        note.put("body", "She likes the proposal");
        note.put("targets", targets);
        out.put(ObjectKind.NOTE, create(ObjectKind.NOTE, note, token));
        return out;
    }

    /** Fails when the input schema gained a field this test does not set yet: add it above. */
    private Response create(ObjectKind kind, Map<String, Object> input, String token) {
        assertThat(input.keySet())
                .as("input of " + kind.apiName())
                .containsExactlyInAnyOrderElementsOf(
                        names(schema(RecordSchemas.name(kind) + "Input").get("properties")));
        Response r = api.post("/api/v1/" + kind.plural(), token, input);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    /**
     * Asserts that {@code value} is valid for {@code schema}, for the keywords the document uses; stricter than JSON
     * Schema in one way: an object key must be a declared property unless the schema allows additional ones.
     */
    private void conforms(String path, JsonNode schema, JsonNode value) {
        JsonNode s = schema.has("$ref") ? resolve(schema) : schema;
        if (s.isEmpty()) {
            return; // {} allows any value
        }
        if (value.isNull()) {
            assertThat(types(s)).as(path + " is null").contains("null");
            return;
        }
        if (s.has("enum")) {
            assertThat(strings(s.get("enum"))).as(path).contains(value.asString());
        }
        String type = value.isString()
                ? "string"
                : value.isIntegralNumber()
                        ? "integer"
                        : value.isBoolean() ? "boolean" : value.isArray() ? "array" : value.isObject() ? "object" : "?";
        if (!types(s).isEmpty()) {
            assertThat(types(s)).as(path + " (" + value + ")").contains(type);
        }
        switch (type) {
            case "string" -> {
                checkFormat(path, s.path("format").asString(""), value.asString());
                assertThat(value.asString().length())
                        .as(path)
                        .isBetween(
                                s.path("minLength").asInt(0),
                                s.path("maxLength").asInt(Integer.MAX_VALUE));
            }
            case "integer" -> {
                long n = value.asLong();
                if (s.path("format").asString("").equals("int32")) {
                    assertThat(n).as(path).isBetween((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
                }
                assertThat(n)
                        .as(path)
                        .isBetween(
                                s.path("minimum").asLong(Long.MIN_VALUE),
                                s.path("maximum").asLong(Long.MAX_VALUE));
            }
            case "array" -> {
                assertThat(value.size())
                        .as(path)
                        .isLessThanOrEqualTo(s.path("maxItems").asInt(Integer.MAX_VALUE));
                for (int i = 0; i < value.size(); i++) {
                    conforms(path + "[" + i + "]", s.get("items"), value.get(i));
                }
            }
            case "object" -> {
                strings(s.path("required"))
                        .forEach(key ->
                                assertThat(value.has(key)).as(path + "." + key).isTrue());
                JsonNode properties = s.path("properties");
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    String at = path + "." + e.getKey();
                    if (properties.has(e.getKey())) {
                        conforms(at, properties.get(e.getKey()), e.getValue());
                    } else if (s.path("additionalProperties").isObject()) {
                        conforms(at, s.get("additionalProperties"), e.getValue());
                    } else {
                        assertThat(s.path("additionalProperties").asBoolean(false))
                                .as(at + " is not in the schema")
                                .isTrue();
                    }
                }
            }
            case "boolean" -> {
                // nothing more to check
            }
            default -> throw new AssertionError(path + ": unexpected JSON " + value);
        }
    }

    private static void checkFormat(String path, String format, String s) {
        switch (format) {
            case "uuid" -> assertThat(UUID.fromString(s)).as(path).isNotNull();
            case "date" -> assertThat(LocalDate.parse(s)).as(path).isNotNull();
            case "date-time" -> assertThat(Instant.parse(s)).as(path).isNotNull();
            case "email" -> assertThat(s).as(path).matches("[^@\\sA-Z]+@[^@\\sA-Z]+");
            case "uri" -> assertThat(URI.create(s).isAbsolute()).as(path).isTrue();
            case "hostname" -> assertThat(s).as(path).matches("[a-z0-9.-]+");
            case "" -> {
                // any text
            }
            default -> throw new AssertionError(path + ": no check for format " + format);
        }
    }

    private Response get(String path, String token) {
        Response r = api.get(path, token);
        assertThat(r.status()).as(path + " " + r.body()).isIn(200, 400);
        return r;
    }

    private JsonNode schema(String name) {
        JsonNode s = doc.at("/components/schemas/" + name);
        assertThat(s.isMissingNode()).as("schema " + name).isFalse();
        return s;
    }

    private JsonNode resolve(JsonNode reference) {
        return schema(ref(reference));
    }

    private static JsonNode ref(String schema) {
        return tools.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("$ref", "#/components/schemas/" + schema);
    }

    private static String ref(JsonNode schema) {
        assertThat(schema.has("$ref")).as(schema.toString()).isTrue();
        return schema.get("$ref").asString().replace("#/components/schemas/", "");
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? strings(type) : type.isString() ? List.of(type.asString()) : List.of();
    }

    private static Map<String, JsonNode> parameters(JsonNode parameters) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        parameters.forEach(p -> {
            if (p.has("name")) {
                out.put(p.get("name").asString(), p);
            }
        });
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
