package com.makcrm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/me}: every user reads and changes their own name and language; the saved language is what API
 * errors come back in when a request names none, and validation errors are translated field by field.
 */
class ProfileApiTest extends ApiTestBase {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    @Test
    void aUserReadsAndChangesTheirProfile() {
        String email = email();
        Response signup = signup(email);
        String token = signup.text("accessToken");

        Response fresh = api.get("/api/v1/me", token);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.text("email")).isEqualTo(email);
        assertThat(fresh.json().get("locale").isNull()).isTrue();
        assertThat(fresh.text("role")).isEqualTo("OWNER");
        assertThat(fresh.json().get("tenant").get("slug").asString())
                .isEqualTo(signup.json().get("tenant").get("slug").asString());

        Response changed = api.patch("/api/v1/me", token, Map.of("locale", "ru-RU", "displayName", "Анна"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("locale")).isEqualTo("ru-RU");
        assertThat(changed.text("displayName")).isEqualTo("Анна");

        Map<String, Object> clear = new HashMap<>();
        clear.put("locale", null);
        Response cleared = send("PATCH", token, "application/merge-patch+json", ApiClient.json(clear), null);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("locale").isNull()).isTrue();
        assertThat(cleared.text("displayName")).isEqualTo("Анна");
    }

    @Test
    void errorsWithoutAcceptLanguageComeInTheSavedLanguage() {
        String token = signup(email()).text("accessToken");
        String missing = "/api/v1/companies/" + UUID.randomUUID();

        assertThat(api.get(missing, token).header("Content-Language")).hasValue("en");
        api.patch("/api/v1/me", token, Map.of("locale", "ru"));

        Response saved = api.get(missing, token);
        assertThat(saved.status()).isEqualTo(404);
        assertThat(saved.header("Content-Language")).hasValue("ru");
        assertThat(saved.text("title")).matches(CYRILLIC);
        assertThat(saved.text("detail")).matches(CYRILLIC);

        Response asked = api.send(
                "GET",
                missing,
                null,
                BodyPublishers.noBody(),
                Map.of("Authorization", "Bearer " + token, "Accept-Language", "en"));
        assertThat(asked.header("Content-Language"))
                .as("the request's own header wins")
                .hasValue("en");
    }

    @Test
    void everyRoleHasAProfileButApiKeysDoNot() {
        Response owner = signup(email());
        String ownerToken = owner.text("accessToken");
        String slug = owner.json().get("tenant").get("slug").asString();
        String reader = email();
        signup(reader);
        api.post("/api/v1/admin/members", ownerToken, Map.of("email", reader, "role", "READ_ONLY"));
        String readerToken = api.post(
                        "/api/v1/auth/login", Map.of("email", reader, "password", PASSWORD, "tenant", slug))
                .text("accessToken");

        Response readerPatch = api.patch("/api/v1/me", readerToken, Map.of("locale", "ru"));
        assertThat(readerPatch.status()).isEqualTo(200);
        assertThat(readerPatch.text("role")).isEqualTo("READ_ONLY");

        String key = api.post("/api/v1/admin/api-keys", ownerToken, Map.of("name", "ci", "role", "ADMIN"))
                .text("key");
        Response byKey = api.get("/api/v1/me", key);
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.text("detail")).contains("API key has no user profile");
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheRequestsLanguageAndChangesNothing() {
        String token = signup(email()).text("accessToken");
        api.patch("/api/v1/me", token, Map.of("locale", "en", "displayName", "Anna"));

        String body = "{\"locale\": \"klingon\", \"displayName\": \"" + "x".repeat(201) + "\", \"shoeSize\": 42}";
        Response english = send("PATCH", token, "application/json", body, null);
        Response russian = send("PATCH", token, "application/json", body, "ru");

        assertThat(english.status()).isEqualTo(400);
        assertThat(fields(english)).containsExactlyInAnyOrder("locale", "displayName", "shoeSize");
        assertThat(messages(english))
                .contains(
                        "locale: 'klingon' is not a supported language; one of en, ru, pseudo",
                        "displayName: at most 200 characters, got 201",
                        "shoeSize: is not a field of this request; known: displayName, locale");
        assertThat(russian.status()).isEqualTo(400);
        assertThat(fields(russian)).containsExactlyInAnyOrderElementsOf(fields(english));
        assertThat(messages(russian)).allSatisfy(m -> assertThat(m).matches(CYRILLIC));
        assertThat(russian.text("detail")).matches(CYRILLIC);

        Response notAnObject = send("PATCH", token, "application/json", "[\"ru\"]", "ru");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.text("detail")).isEqualTo("тело JSON должно быть объектом");

        Response unchanged = api.get("/api/v1/me", token);
        assertThat(unchanged.text("locale")).isEqualTo("en");
        assertThat(unchanged.text("displayName")).isEqualTo("Anna");
    }

    @Test
    void recordValidationErrorsAreTranslatedButFieldNamesStay() {
        String token = signup(email()).text("accessToken");
        Map<String, Object> company = Map.of("name", "Acme", "domain", "not a domain", "employees", "many");

        Response english = api.json("POST", "/api/v1/companies", token, company, Map.of());
        Response russian = api.json("POST", "/api/v1/companies", token, company, Map.of("Accept-Language", "ru"));

        assertThat(english.status()).isEqualTo(400);
        assertThat(messages(english))
                .contains(
                        "domain: 'not a domain' is not a valid domain (e.g. example.com)",
                        "employees: expected a number, got 'many'");
        assertThat(fields(russian)).containsExactlyInAnyOrderElementsOf(fields(english));
        assertThat(messages(russian))
                .contains(
                        "domain: «not a domain» — некорректное доменное имя (пример: example.com)",
                        "employees: ожидается число, получено 'many'");

        Response unknownParameter = api.send(
                "GET",
                "/api/v1/companies?fitler=x",
                null,
                BodyPublishers.noBody(),
                Map.of("Authorization", "Bearer " + token, "Accept-Language", "ru"));
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat(messages(unknownParameter).get(0)).startsWith("неизвестный параметр запроса «fitler»");
    }

    @Test
    void aCsvImportReportIsInTheUsersLanguage() {
        String token = signup(email()).text("accessToken");
        api.patch("/api/v1/me", token, Map.of("locale", "ru"));
        byte[] csv = "name,domain\r\nAcme,acme.example\r\nBroken,not a domain\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Response report = api.upload("/api/v1/companies/import", token, "file", "companies.csv", "text/csv", csv);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.header("Content-Language")).hasValue("ru");
        JsonNode error = report.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("domain");
        assertThat(error.get("message").asString())
                .isEqualTo("строка 3: domain: «not a domain» — некорректное доменное имя (пример: example.com)");
    }

    private Response send(String method, String token, String contentType, String body, String language) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token));
        if (language != null) {
            headers.put("Accept-Language", language);
        }
        return api.send(method, "/api/v1/me", contentType, BodyPublishers.ofString(body), headers);
    }

    private static List<String> fields(Response r) {
        return errors(r, "field");
    }

    private static List<String> messages(Response r) {
        return errors(r, "message");
    }

    private static List<String> errors(Response r, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            out.add(e.get(property).asString());
        }
        return out;
    }
}
