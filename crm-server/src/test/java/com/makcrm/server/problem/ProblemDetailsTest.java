package com.makcrm.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of error answers RFC 9457 problem details with a stable type, and never shows internals. */
class ProblemDetailsTest extends ApiTestBase {

    private static String owner;

    @BeforeEach
    void owner() {
        if (owner == null) {
            owner = signup(email()).text("accessToken");
        }
    }

    @Test
    void malformedJsonIs400NamingWhere() {
        Response r = api.send(
                "POST",
                "/api/v1/auth/login",
                null,
                "application/json",
                BodyPublishers.ofString("{\"email\": \"a\",\n \"password\": }"));
        assertProblem(r, 400, "invalid");
        assertThat(r.text("detail")).isEqualTo("the body is not valid JSON (line 2, column 14)");
    }

    @Test
    void wrongJsonTypesAndMissingBodiesAre400() {
        Response wrongType = api.post("/api/v1/auth/login", Map.of("email", Map.of("a", 1), "password", "x"));
        assertProblem(wrongType, 400, "invalid");
        assertThat(wrongType.text("detail")).isEqualTo("email: must be a string");
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("email");

        Response empty = api.send("POST", "/api/v1/auth/login", null, "application/json", BodyPublishers.noBody());
        assertProblem(empty, 400, "invalid");
        assertThat(empty.text("detail")).isEqualTo("a JSON request body is required");
    }

    @Test
    void fieldErrorsAreListed() {
        Response r = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "", "role", "KING"));
        assertProblem(r, 400, "invalid");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("name", "role");
        assertThat(r.json().get("errors").get(1).get("message").asString()).contains("KING");
    }

    @Test
    void missingAndInvalidCredentialsAre401WithABearerChallenge() {
        Response missing = api.get("/api/v1/admin/members", null);
        assertProblem(missing, 401, "unauthorized");
        assertThat(missing.header("WWW-Authenticate")).hasValue("Bearer realm=\"makcrm\"");

        Response invalid = api.get("/api/v1/admin/members", "not-a-token");
        assertProblem(invalid, 401, "unauthorized");
        assertThat(invalid.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    void insufficientRoleIs403() {
        String readOnlyKey = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "ro", "role", "READ_ONLY"))
                .text("key");
        Response r = api.get("/api/v1/admin/members", readOnlyKey);
        assertProblem(r, 403, "forbidden");
        assertThat(r.text("detail")).isEqualTo("your role (READ_ONLY) does not allow GET on this resource");
    }

    @Test
    void unknownPathsAndIdsAre404() {
        assertProblem(api.get("/api/v1/no-such-thing", owner), 404, "not-found");
        assertProblem(api.get("/no-such-page", null), 404, "not-found");
        Response unknownId = api.get("/api/v1/admin/members/" + UUID.randomUUID(), owner);
        assertProblem(unknownId, 404, "not-found");
    }

    @Test
    void badIdsAre400() {
        Response r = api.delete("/api/v1/admin/api-keys/not-a-uuid", owner);
        assertProblem(r, 400, "invalid");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response r = api.send("PUT", "/api/v1/auth/login", null, "application/json", BodyPublishers.ofString("{}"));
        assertProblem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow")).hasValue("POST");
    }

    @Test
    void conflictIs409() {
        String email = email();
        signup(email);
        Response r = api.post(
                "/api/v1/auth/signup", Map.of("email", email, "password", PASSWORD, "tenantName", tenantName()));
        assertProblem(r, 409, "conflict");
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutContentLength() {
        String big = "{\"email\": \"" + "a".repeat(70 * 1024) + "\"}";
        Response declared =
                api.send("POST", "/api/v1/auth/login", null, "application/json", BodyPublishers.ofString(big));
        assertProblem(declared, 413, "payload-too-large");

        Response chunked = api.send(
                "POST",
                "/api/v1/auth/login",
                null,
                "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void wrongContentTypeIs415() {
        Response r = api.send(
                "POST", "/api/v1/auth/login", null, "text/plain", BodyPublishers.ofString("email=a&password=b"));
        assertProblem(r, 415, "unsupported-media-type");
        assertThat(r.text("detail")).contains("text/plain").contains("application/json");
    }

    @Test
    void unexpectedFailuresAre500WithOnlyAReference() {
        for (String kind : new String[] {"runtime", "internal"}) {
            Response r = api.get("/api/v1/test-failures/" + kind, owner);
            assertProblem(r, 500, "internal");
            assertThat(r.text("detail")).matches("an unexpected error occurred; quote reference [0-9a-f-]{36} .*");
        }
    }

    @Test
    void unavailableDependenciesAre503WithoutNamingThem() {
        Response r = api.get("/api/v1/test-failures/unavailable", owner);
        assertProblem(r, 503, "unavailable");
        assertThat(r.body()).doesNotContain("db.internal");
    }

    @Test
    void errorsOutsideTheControllersAreProblemsToo() {
        Response r = api.get("/api/v1/test-failures/send-error", owner);
        assertProblem(r, 503, "unavailable");
    }

    /** The common shape, and the promise that no internals leak. */
    private static void assertProblem(Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).isEqualTo("https://makcrm.dev/problems/" + type);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.text("title")).isNotBlank();
        assertThat(r.text("detail")).isNotBlank();
        assertThat(r.text("instance")).startsWith("/");
        assertThat(r.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("crm_control")
                .doesNotContain("com.makcrm")
                .doesNotContain("java.")
                .doesNotContain("\tat ")
                .doesNotContain("tools.jackson")
                .doesNotContain("org.springframework");
    }
}
