package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Custom field definitions over HTTP: lifecycle, versions as ETags, bad input, and tenants kept apart. */
class FieldApiTest extends SchemaApiTestBase {

    private static final String FIELDS = "/api/v1/metadata/fields";

    private static String owner;
    private static String admin;

    @BeforeEach
    void tenant() {
        if (owner == null) {
            TestTenant t = newTenant();
            owner = t.owner();
            admin = t.token("ADMIN");
        }
    }

    private static String fieldName() {
        return "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Response createTier(String name) {
        return api.post(
                FIELDS,
                admin,
                Map.of(
                        "object", "company",
                        "name", name,
                        "label", "Tier",
                        "type", "SELECT",
                        "required", false,
                        "defaultValue", "GOLD",
                        "options", List.of(Map.of("value", "GOLD"), Map.of("value", "SILVER", "label", "Silver"))));
    }

    @Test
    void createsReadsListsChangesAndDeletesAField() {
        String name = fieldName();
        Response created = createTier(name);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = FIELDS + "/company/" + name;
        assertThat(created.header("Location")).hasValue(path);
        assertThat(etag(created)).isEqualTo("\"" + created.json().get("version").asInt() + "\"");
        assertThat(created.text("object")).isEqualTo("company");
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.text("label")).isEqualTo("Tier");
        assertThat(created.text("type")).isEqualTo("SELECT");
        assertThat(created.json().get("required").asBoolean()).isFalse();
        assertThat(created.text("defaultValue")).isEqualTo("GOLD");
        assertThat(created.json().get("options").findValuesAsString("label")).containsExactly("GOLD", "Silver");
        assertThat(created.text("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Response read = api.get(path, owner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(etag(read)).isEqualTo(etag(created));

        assertThat(names(api.get(FIELDS + "?object=company", owner))).contains(name);
        assertThat(names(api.get(FIELDS, owner))).contains(name);
        assertThat(names(api.get(FIELDS + "?object=person", owner))).doesNotContain(name);

        Response changed = send(
                "PATCH",
                path,
                admin,
                etag(read),
                Map.of(
                        "label",
                        "Customer tier",
                        "required",
                        true,
                        "options",
                        List.of(Map.of("value", "GOLD"), Map.of("value", "SILVER"), Map.of("value", "BRONZE"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.text("label")).isEqualTo("Customer tier");
        assertThat(changed.json().get("required").asBoolean()).isTrue();
        assertThat(changed.json().get("options").findValuesAsString("value"))
                .containsExactly("GOLD", "SILVER", "BRONZE");
        assertThat(changed.text("defaultValue")).isEqualTo("GOLD");
        assertThat(etag(changed)).isNotEqualTo(etag(read));

        Response cleared = sendRaw("PATCH", path, admin, etag(changed), "{\"defaultValue\": null}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("defaultValue").isNull()).isTrue();
        assertThat(cleared.text("label")).isEqualTo("Customer tier");

        Response stale = send("DELETE", path, admin, etag(changed), null);
        assertProblem(stale, 409, "conflict");
        assertThat(send("DELETE", path, admin, etag(cleared), null).status()).isEqualTo(204);
        assertProblem(api.get(path, owner), 404, "not-found");
        assertProblem(send("DELETE", path, admin, null, null), 404, "not-found");
        assertThat(names(api.get(FIELDS + "?object=company", owner))).doesNotContain(name);
    }

    @Test
    void changesNeedTheCurrentVersionInIfMatch() {
        String name = fieldName();
        Response created = createTier(name);
        String path = FIELDS + "/company/" + name;

        Response missing = send("PATCH", path, admin, null, Map.of("label", "Nope"));
        assertProblem(missing, 428, "precondition-required");

        Response stale = send(
                "PATCH", path, admin, "\"" + (created.json().get("version").asInt() + 1) + "\"", Map.of("label", "x"));
        assertProblem(stale, 409, "conflict");
        assertThat(stale.text("detail")).contains("version");

        assertThat(api.get(path, owner).json()).isEqualTo(created.json());
    }

    @Test
    void storesDefaultsInTheFieldsType() {
        String name = fieldName();
        Response number = api.post(
                FIELDS,
                admin,
                Map.of("object", "opportunity", "name", name, "type", "NUMBER", "defaultValue", 12.5, "position", 0));
        assertThat(number.status()).as(number.body()).isEqualTo(201);
        assertThat(number.json().get("defaultValue").asDouble()).isEqualTo(12.5);
        assertThat(number.text("label")).isEqualTo(name);
        assertThat(number.json().get("options")).isEmpty();

        Response money = api.post(
                FIELDS,
                admin,
                Map.of(
                        "object",
                        "person",
                        "name",
                        fieldName(),
                        "type",
                        "CURRENCY",
                        "defaultValue",
                        Map.of("amountMinor", 500, "currency", "eur")));
        assertThat(money.status()).as(money.body()).isEqualTo(201);
        assertThat(money.json().get("defaultValue").get("currency").asString()).isEqualTo("EUR");

        Response badDefault = api.post(
                FIELDS, admin, Map.of("object", "person", "name", fieldName(), "type", "DATE", "defaultValue", "soon"));
        assertProblem(badDefault, 400, "invalid");
        assertThat(badDefault.json().get("errors").findValuesAsString("field")).containsExactly("defaultValue");
    }

    @Test
    void versionAndDefinitionErrorsReadInRussian() {
        String name = fieldName();
        createTier(name);
        String path = FIELDS + "/company/" + name;
        Map<String, String> russian = Map.of("Accept-Language", "ru");

        Response missing = api.json("PATCH", path, admin, Map.of("label", "x"), Map.of());
        assertProblem(missing, 428, "precondition-required");
        assertThat(missing.text("detail"))
                .isEqualTo("this change needs If-Match with the version you last read (the ETag of a GET), e.g."
                        + " If-Match: \"3\"");
        Response missingRu = api.json("PATCH", path, admin, Map.of("label", "x"), russian);
        assertProblem(missingRu, 428, "precondition-required");
        assertThat(missingRu.text("detail"))
                .isEqualTo("для этого изменения нужен заголовок If-Match с версией, которую вы прочитали последней"
                        + " (ETag ответа на GET), например If-Match: \"3\"");

        Response malformed = api.json(
                "PATCH", path, admin, Map.of("label", "x"), Map.of("If-Match", "abc", "Accept-Language", "ru"));
        assertProblem(malformed, 400, "invalid");
        assertThat(malformed.json().get("errors").get(0).get("message").asString())
                .isEqualTo("If-Match должен указывать одну версию, например If-Match: \"3\" (ETag записи),"
                        + " получено «abc»");

        Response stale = api.json("DELETE", path, admin, null, Map.of("If-Match", "\"2\"", "Accept-Language", "ru"));
        assertProblem(stale, 409, "conflict");
        assertThat(stale.text("detail"))
                .isEqualTo("настраиваемое поле company." + name
                        + " уже в версии 1, а не 2; загрузите его заново и повторите попытку");

        Response exists =
                api.json("POST", FIELDS, admin, Map.of("object", "company", "name", name, "type", "TEXT"), russian);
        assertProblem(exists, 409, "conflict");
        assertThat(exists.text("detail")).isEqualTo("настраиваемое поле company." + name + " уже существует");

        Response bad = api.json(
                "POST", FIELDS, admin, Map.of("object", "widget", "name", fieldName(), "type", "COLOUR"), russian);
        assertProblem(bad, 400, "invalid");
        assertThat(bad.json().get("errors").findValuesAsString("message"))
                .containsExactly(
                        "object: допустимы [company, opportunity, person], получено «widget»",
                        "type: «COLOUR» — не тип настраиваемого поля; допустимые типы: [TEXT, NUMBER, BOOLEAN, DATE,"
                                + " DATETIME, SELECT, MULTI_SELECT, CURRENCY, EMAIL, PHONE, URL]");
    }

    @Test
    void refusesBadDefinitionsNamingEveryBadField() {
        Response unknownType = api.post(
                FIELDS, admin, Map.of("object", "company", "name", "Bad Name", "type", "COLOUR", "options", List.of()));
        assertProblem(unknownType, 400, "invalid");
        JsonNode errors = unknownType.json().get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("name", "type");
        assertThat(errors.get(1).get("message").asString())
                .contains("'COLOUR'")
                .contains("TEXT")
                .contains("MULTI_SELECT")
                .contains("URL");

        Response noType = api.post(FIELDS, admin, Map.of("object", "company", "name", fieldName()));
        assertProblem(noType, 400, "invalid");
        assertThat(noType.json().get("errors").findValuesAsString("field")).containsExactly("type");
        assertThat(noType.text("detail")).contains("required");

        Response badObject = api.post(FIELDS, admin, Map.of("object", "widget", "name", fieldName(), "type", "x"));
        assertProblem(badObject, 400, "invalid");
        assertThat(badObject.json().get("errors").findValuesAsString("field")).containsExactly("object", "type");
        assertThat(badObject.text("detail")).contains("company, opportunity, person");

        Response builtIn = api.post(FIELDS, admin, Map.of("object", "person", "name", "firstName", "type", "TEXT"));
        assertProblem(builtIn, 400, "invalid");
        assertThat(builtIn.json().get("errors").findValuesAsString("field")).containsExactly("name");

        Response optionsMissing =
                api.post(FIELDS, admin, Map.of("object", "company", "name", fieldName(), "type", "SELECT"));
        assertProblem(optionsMissing, 400, "invalid");
        assertThat(optionsMissing.json().get("errors").findValuesAsString("field"))
                .containsExactly("options");

        Response wrongKind = sendRaw("POST", FIELDS, admin, null, "{\"object\": \"company\", \"required\": \"yes\"}");
        assertProblem(wrongKind, 400, "invalid");
        assertThat(wrongKind.text("detail")).isEqualTo("required: must be true or false");

        Response badJson = sendRaw("POST", FIELDS, admin, null, "{\"object\": company}");
        assertProblem(badJson, 400, "invalid");
        assertThat(badJson.text("detail")).startsWith("the body is not valid JSON");

        Response unknownParam = api.get(FIELDS + "?objekt=company", owner);
        assertProblem(unknownParam, 400, "invalid");
        assertThat(unknownParam.json().get("errors").findValuesAsString("field"))
                .containsExactly("objekt");
        assertThat(unknownParam.text("detail")).contains("known: [object]");

        Response unknownObject = api.get(FIELDS + "?object=widget", owner);
        assertProblem(unknownObject, 400, "invalid");
        assertThat(unknownObject.json().get("errors").findValuesAsString("field"))
                .containsExactly("object");

        String name = fieldName();
        createTier(name);
        assertProblem(createTier(name), 409, "conflict");
        assertProblem(api.get(FIELDS + "/company/" + fieldName(), owner), 404, "not-found");
    }

    @Test
    void anotherTenantCannotSeeOrChangeThisTenantsFields() {
        String name = fieldName();
        Response a = createTier(name);
        String path = FIELDS + "/company/" + name;
        TestTenant tenantB = newTenant();
        String ownerB = tenantB.owner();
        String adminB = tenantB.token("ADMIN");

        assertThat(names(api.get(FIELDS, ownerB))).doesNotContain(name);
        for (String b : List.of(ownerB, adminB)) {
            assertProblem(api.get(path, b), 404, "not-found");
            assertProblem(send("PATCH", path, b, etag(a), Map.of("label", "Taken over")), 404, "not-found");
            assertProblem(send("DELETE", path, b, etag(a), null), 404, "not-found");
            assertProblem(send("DELETE", path, b, null, null), 404, "not-found");
        }
        assertThat(api.get(path, owner).json()).isEqualTo(a.json());

        // the same name in B is B's own field, and leaves A's alone
        Response inB = api.post(FIELDS, adminB, Map.of("object", "company", "name", name, "type", "TEXT"));
        assertThat(inB.status()).as(inB.body()).isEqualTo(201);
        assertThat(api.get(path, owner).json()).isEqualTo(a.json());
        assertThat(api.get(path, ownerB).text("type")).isEqualTo("TEXT");
    }

    private static List<String> names(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("data").findValuesAsString("name");
    }
}
