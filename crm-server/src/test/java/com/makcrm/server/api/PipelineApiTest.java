package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.TestTenant;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pipelines and stages over HTTP: lifecycle, versions as ETags, bad input, and tenants kept apart. */
class PipelineApiTest extends SchemaApiTestBase {

    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

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

    private static Map<String, Object> stage(String key, String name, int probability) {
        return Map.of("key", key, "name", name, "probability", probability);
    }

    private Response create(String name) {
        return api.post(
                "/api/v1/pipelines",
                admin,
                Map.of(
                        "name",
                        name,
                        "stages",
                        List.of(
                                stage("LEAD", "Lead", 10),
                                stage("DEMO", "Demo", 40),
                                Map.of("key", "WON", "name", "Won", "probability", 100, "won", true))));
    }

    private static List<String> keys(Response r) {
        return r.json().get("stages").findValuesAsString("key");
    }

    @Test
    void createsReadsAndListsAPipelineWithItsVersionAsETag() {
        String name = "Partners " + UUID.randomUUID();
        Response created = create(name);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).hasValue("/api/v1/pipelines/" + id);
        assertThat(etag(created)).isEqualTo("\"" + created.json().get("version").asInt() + "\"");
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.json().get("isDefault").asBoolean()).isFalse(); // the tenant's Sales stays the default
        assertThat(created.text("createdAt")).matches(ISO_INSTANT);
        assertThat(created.text("updatedAt")).matches(ISO_INSTANT);
        assertThat(keys(created)).containsExactly("LEAD", "DEMO", "WON");
        JsonNode won = created.json().get("stages").get(2);
        assertThat(won.get("name").asString()).isEqualTo("Won");
        assertThat(won.get("probability").asInt()).isEqualTo(100);
        assertThat(won.get("won").asBoolean()).isTrue();
        assertThat(won.get("lost").asBoolean()).isFalse();
        assertThat(won.get("position").asInt()).isEqualTo(2);

        Response read = api.get("/api/v1/pipelines/" + id, owner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(etag(read)).isEqualTo(etag(created));
        assertThat(read.json()).isEqualTo(created.json());

        Response list = api.get("/api/v1/pipelines", owner);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("data").findValuesAsString("name")).contains("Sales", name);
    }

    @Test
    void renamesOnlyWithTheCurrentVersionInIfMatch() {
        Response created = create("Renamed " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + created.text("id");
        String v1 = etag(created);

        Response missing = send("PATCH", path, admin, null, Map.of("name", "No precondition"));
        assertProblem(missing, 428, "precondition-required");
        assertThat(missing.text("detail")).contains("If-Match");

        Response malformed = send("PATCH", path, admin, "latest", Map.of("name", "Bad precondition"));
        assertProblem(malformed, 400, "invalid");
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("If-Match");

        Response renamed = send("PATCH", path, admin, v1, Map.of("name", "Enterprise"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Enterprise");
        assertThat(etag(renamed)).isNotEqualTo(v1);

        Response stale = send("PATCH", path, admin, v1, Map.of("name", "Lost update"));
        assertProblem(stale, 409, "conflict");
        assertThat(stale.text("detail")).contains("version");
        assertThat(api.get(path, owner).text("name")).isEqualTo("Enterprise");

        Response weak = send("PATCH", path, admin, "W/" + etag(renamed), Map.of("name", "Enterprise 2"));
        assertThat(weak.status()).as(weak.body()).isEqualTo(200);
        Response mergePatch = api.send(
                "PATCH",
                path,
                "application/merge-patch+json",
                BodyPublishers.ofString("{\"name\": \"Enterprise 3\"}"),
                Map.of("Authorization", "Bearer " + admin, "If-Match", etag(weak)));
        assertThat(mergePatch.status()).as(mergePatch.body()).isEqualTo(200);
        assertThat(mergePatch.text("name")).isEqualTo("Enterprise 3");
    }

    @Test
    void addsChangesReordersAndRemovesStages() {
        Response p = create("Stages " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");

        Response added = send(
                "POST",
                path + "/stages",
                admin,
                etag(p),
                Map.of("key", "TRIAL", "name", "Trial", "probability", 25, "position", 1));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(keys(added)).containsExactly("LEAD", "TRIAL", "DEMO", "WON");

        Response changed = send(
                "PATCH",
                path + "/stages/TRIAL",
                admin,
                etag(added),
                Map.of("key", "PILOT", "name", "Pilot", "probability", 30));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(keys(changed)).containsExactly("LEAD", "PILOT", "DEMO", "WON");
        JsonNode pilot = changed.json().get("stages").get(1);
        assertThat(pilot.get("name").asString()).isEqualTo("Pilot");
        assertThat(pilot.get("probability").asInt()).isEqualTo(30);

        Response reordered = send(
                "PUT",
                path + "/stages/order",
                admin,
                etag(changed),
                Map.of("keys", List.of("PILOT", "LEAD", "DEMO", "WON")));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(keys(reordered)).containsExactly("PILOT", "LEAD", "DEMO", "WON");
        assertThat(reordered.json().get("stages").findValuesAsString("key")).hasSize(4);
        assertThat(reordered.json().get("stages").get(0).get("position").asInt())
                .isZero();

        Response removed = send("DELETE", path + "/stages/PILOT", admin, etag(reordered), null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(keys(removed)).containsExactly("LEAD", "DEMO", "WON");

        Response read = api.get(path, owner);
        assertThat(read.json()).isEqualTo(removed.json());
        assertThat(etag(read)).isEqualTo(etag(removed));
    }

    @Test
    void stageChangesNeedIfMatchAndTheCurrentVersion() {
        Response p = create("Stage preconditions " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");
        Map<String, Object> trial = Map.of("key", "TRIAL", "name", "Trial", "probability", 25);

        assertProblem(send("POST", path + "/stages", admin, null, trial), 428, "precondition-required");
        assertProblem(
                send("PATCH", path + "/stages/LEAD", admin, null, Map.of("name", "x")), 428, "precondition-required");
        assertProblem(
                send("PUT", path + "/stages/order", admin, null, Map.of("keys", List.of("WON", "DEMO", "LEAD"))),
                428,
                "precondition-required");
        assertProblem(send("DELETE", path + "/stages/LEAD", admin, null, null), 428, "precondition-required");
        assertProblem(send("POST", path + "/default", admin, null, null), 428, "precondition-required");
        assertProblem(send("DELETE", path, admin, null, null), 428, "precondition-required");

        String stale = "\"" + (p.json().get("version").asInt() + 7) + "\"";
        assertProblem(send("POST", path + "/stages", admin, stale, trial), 409, "conflict");
        assertProblem(send("PATCH", path + "/stages/LEAD", admin, stale, Map.of("name", "x")), 409, "conflict");
        assertProblem(
                send("PUT", path + "/stages/order", admin, stale, Map.of("keys", List.of("WON", "DEMO", "LEAD"))),
                409,
                "conflict");
        assertProblem(send("DELETE", path + "/stages/LEAD", admin, stale, null), 409, "conflict");
        assertProblem(send("POST", path + "/default", admin, stale, null), 409, "conflict");
        assertProblem(send("DELETE", path, admin, stale, null), 409, "conflict");

        Response after = api.get(path, owner);
        assertThat(after.json()).isEqualTo(p.json());
    }

    @Test
    void becomesTheDefaultAndIsDeletedOnlyWhenNotTheDefault() {
        Response sales = defaultPipeline();
        Response p = create("Default " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");

        Response made = send("POST", path + "/default", admin, etag(p), null);
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("isDefault").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/pipelines/" + sales.text("id"), owner)
                        .json()
                        .get("isDefault")
                        .asBoolean())
                .isFalse();

        Response refused = send("DELETE", path, admin, etag(made), null);
        assertProblem(refused, 409, "conflict");
        assertThat(refused.text("detail")).contains("default");

        Response salesNow = api.get("/api/v1/pipelines/" + sales.text("id"), owner);
        Response back = send("POST", "/api/v1/pipelines/" + sales.text("id") + "/default", owner, etag(salesNow), null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);

        Response current = api.get(path, owner);
        assertThat(send("DELETE", path, admin, etag(current), null).status()).isEqualTo(204);
        assertProblem(api.get(path, owner), 404, "not-found");
        assertProblem(send("DELETE", path, admin, etag(current), null), 404, "not-found");
    }

    private Response defaultPipeline() {
        for (JsonNode p : api.get("/api/v1/pipelines", owner).json().get("data")) {
            if (p.get("isDefault").asBoolean()) {
                return api.get("/api/v1/pipelines/" + p.get("id").asString(), owner);
            }
        }
        throw new AssertionError("the tenant has no default pipeline");
    }

    @Test
    void refusesBadInputWithFieldErrorsAndChangesNothing() {
        Response invalid = api.post(
                "/api/v1/pipelines",
                admin,
                Map.of(
                        "name",
                        "",
                        "stages",
                        List.of(
                                Map.of("key", "lead", "name", "Lead"),
                                Map.of("key", "WON", "name", "Won", "probability", 100, "won", true, "lost", true))));
        assertProblem(invalid, 400, "invalid");
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "stages[0].key", "stages[0].probability", "stages[1].lost");

        Response noStages = api.post("/api/v1/pipelines", admin, Map.of("name", "Empty"));
        assertProblem(noStages, 400, "invalid");
        assertThat(noStages.json().get("errors").findValuesAsString("field")).containsExactly("stages");

        Response wrongKind = sendRaw("POST", "/api/v1/pipelines", admin, null, "{\"name\": \"X\", \"stages\": {}}");
        assertProblem(wrongKind, 400, "invalid");
        assertThat(wrongKind.text("detail")).isEqualTo("stages: must be an array");

        Response badJson = sendRaw("POST", "/api/v1/pipelines", admin, null, "{\"name\": ");
        assertProblem(badJson, 400, "invalid");
        assertThat(badJson.text("detail")).startsWith("the JSON body ends unexpectedly");

        Response unknownParam = api.get("/api/v1/pipelines?limit=5", owner);
        assertProblem(unknownParam, 400, "invalid");
        assertThat(unknownParam.json().get("errors").findValuesAsString("field"))
                .containsExactly("limit");

        Response badId = api.get("/api/v1/pipelines/not-a-uuid", owner);
        assertProblem(badId, 400, "invalid");
        assertThat(badId.json().get("errors").findValuesAsString("field")).containsExactly("id");

        assertProblem(api.get("/api/v1/pipelines/" + UUID.randomUUID(), owner), 404, "not-found");

        Response p = create("Bad stages " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");
        Response badOrder = send("PUT", path + "/stages/order", admin, etag(p), Map.of("keys", List.of("WON", "LEAD")));
        assertProblem(badOrder, 400, "invalid");
        assertThat(badOrder.json().get("errors").findValuesAsString("field")).containsExactly("keys");
        assertThat(badOrder.text("detail")).startsWith("keys:").contains("LEAD, DEMO, WON");

        Response badStage =
                send("PATCH", path + "/stages/LEAD", admin, etag(p), Map.of("key", "lower", "probability", 101));
        assertProblem(badStage, 400, "invalid");
        assertThat(badStage.json().get("errors").findValuesAsString("field")).containsExactly("key", "probability");

        assertProblem(send("PATCH", path + "/stages/NOPE", admin, etag(p), Map.of("name", "x")), 404, "not-found");
        assertProblem(
                send("POST", path + "/stages", admin, etag(p), Map.of("key", "DEMO", "name", "Demo", "probability", 1)),
                409,
                "conflict");
        assertProblem(
                api.post(
                        "/api/v1/pipelines",
                        admin,
                        Map.of("name", p.text("name"), "stages", List.of(stage("A", "A", 1)))),
                409,
                "conflict");

        assertThat(api.get(path, owner).json()).isEqualTo(p.json());
    }

    @Test
    void fieldErrorsAreInTheClientsLanguageUnderTheBodysNames() {
        Response p = create("Russian " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");

        Response badOrder = api.json(
                "PUT",
                path + "/stages/order",
                admin,
                Map.of("keys", List.of("WON", "LEAD")),
                Map.of("If-Match", etag(p), "Accept-Language", "ru"));

        assertProblem(badOrder, 400, "invalid");
        assertThat(badOrder.json().get("errors").findValuesAsString("field")).containsExactly("keys");
        assertThat(badOrder.text("detail"))
                .isEqualTo("keys: перечислите каждый ключ этапа воронки ровно один раз, в новом порядке: [LEAD, DEMO,"
                        + " WON]; получено [WON, LEAD]");
    }

    @Test
    void anotherTenantCannotSeeOrChangeThisTenantsPipelines() {
        Response p = create("Tenant A only " + UUID.randomUUID());
        String path = "/api/v1/pipelines/" + p.text("id");
        String v = etag(p);
        TestTenant tenantB = newTenant();
        String ownerB = tenantB.owner();
        String adminB = tenantB.token("ADMIN");

        assertThat(api.get("/api/v1/pipelines", ownerB).body()).doesNotContain(p.text("id"));
        for (String b : List.of(ownerB, adminB)) {
            assertProblem(api.get(path, b), 404, "not-found");
            assertProblem(send("PATCH", path, b, v, Map.of("name", "Taken over")), 404, "not-found");
            assertProblem(send("POST", path + "/default", b, v, null), 404, "not-found");
            assertProblem(
                    send("POST", path + "/stages", b, v, Map.of("key", "X", "name", "X", "probability", 1)),
                    404,
                    "not-found");
            assertProblem(send("PATCH", path + "/stages/LEAD", b, v, Map.of("name", "x")), 404, "not-found");
            assertProblem(
                    send("PUT", path + "/stages/order", b, v, Map.of("keys", List.of("WON", "DEMO", "LEAD"))),
                    404,
                    "not-found");
            assertProblem(send("DELETE", path + "/stages/LEAD", b, v, null), 404, "not-found");
            assertProblem(send("DELETE", path, b, v, null), 404, "not-found");
        }

        Response after = api.get(path, owner);
        assertThat(after.json()).isEqualTo(p.json());
        assertThat(etag(after)).isEqualTo(v);
    }
}
