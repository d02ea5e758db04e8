package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import com.makcrm.server.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record, search, CSV and attachment endpoint against the role matrix (READ_ONLY reads, MEMBER and up
 * write, nobody without a credential) and against another tenant's ids (404, nothing changed).
 */
class RecordAccessTest extends ApiTestBase {

    private static final List<String> OBJECTS = List.of("companies", "people", "opportunities", "tasks", "notes");

    /** Tenant A with one record of each kind and an attachment on the company; tenant B with nothing. */
    private record World(TestTenant a, TestTenant b, Map<String, String> ids, String attachment) {}

    private static World world;

    @BeforeEach
    void world() {
        if (world != null) {
            return;
        }
        TestTenant a = newTenant();
        Map<String, String> ids = new HashMap<>();
        ids.put("companies", create(a, "companies", Map.of("name", "Initech")));
        ids.put("people", create(a, "people", Map.of("firstName", "Peter")));
        ids.put("opportunities", create(a, "opportunities", Map.of("name", "TPS reports")));
        ids.put("tasks", create(a, "tasks", Map.of("title", "Fix the printer")));
        ids.put("notes", create(a, "notes", Map.of("title", "Red stapler")));
        Response file = api.upload(
                "/api/v1/companies/" + ids.get("companies") + "/attachments",
                a.member(),
                "file",
                "memo.txt",
                "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        world = new World(a, newTenant(), Map.copyOf(ids), file.text("id"));
    }

    private String create(TestTenant t, String objects, Map<String, Object> body) {
        Response r = api.post("/api/v1/" + objects, t.member(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    /** An endpoint: method, path ({id} = a record of the object, {att} = the attachment), and a body kind. */
    private record Endpoint(String method, String path, String body, boolean write) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (String o : OBJECTS) {
            String base = "/api/v1/" + o;
            all.add(new Endpoint("GET", base, null, false));
            all.add(new Endpoint("GET", base + "/{id}", null, false));
            all.add(new Endpoint("GET", base + "/{id}/timeline", null, false));
            all.add(new Endpoint("GET", base + "/{id}/attachments", null, false));
            all.add(new Endpoint("GET", base + "/export", null, false));
            all.add(new Endpoint("POST", base, "record", true));
            all.add(new Endpoint("PATCH", base + "/{id}", "patch", true));
            all.add(new Endpoint("DELETE", base + "/{id}", null, true));
            all.add(new Endpoint("POST", base + "/{id}/restore", null, true));
            all.add(new Endpoint("POST", base + "/bulk", "bulk", true));
            all.add(new Endpoint("PATCH", base + "/bulk", "bulkPatch", true));
            all.add(new Endpoint("POST", base + "/import", "csv", true));
            all.add(new Endpoint("POST", base + "/{id}/attachments", "file", true));
        }
        all.add(new Endpoint("GET", "/api/v1/search?q=initech", null, false));
        all.add(new Endpoint("GET", "/api/v1/attachments/{att}", null, false));
        all.add(new Endpoint("GET", "/api/v1/attachments/{att}/content", null, false));
        all.add(new Endpoint("PATCH", "/api/v1/attachments/{att}", "rename", true));
        all.add(new Endpoint("DELETE", "/api/v1/attachments/{att}", null, true));
        all.add(new Endpoint("POST", "/api/v1/attachments/{att}/restore", null, true));
        return all;
    }

    static Stream<Arguments> roleMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String role : List.of("READ_ONLY", "MEMBER", "ADMIN", "OWNER")) {
                cases.add(Arguments.of(e, role, !e.write() || !role.equals("READ_ONLY")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> allowed: {2}")
    @MethodSource("roleMatrix")
    void everyEndpointFollowsTheRoleMatrix(Endpoint endpoint, String role, boolean allowed) {
        TestTenant a = world.a();
        // writes that are allowed run against throwaway records, so the shared ones stay as they are
        Map<String, String> ids = allowed && endpoint.write() ? freshRecords(a) : world.ids();
        Response r = call(endpoint, a.token(role), a, ids, allowed && endpoint.write() ? null : world.attachment());
        if (allowed) {
            assertThat(r.status()).as(endpoint + ": " + r.body()).isBetween(200, 299);
        } else {
            assertThat(r.status()).as(endpoint + ": " + r.body()).isEqualTo(403);
            assertThat(r.text("type")).isEqualTo("https://makcrm.dev/problems/forbidden");
        }
    }

    static Stream<Endpoint> allEndpoints() {
        return endpoints().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allEndpoints")
    void noCredentialNoAccess(Endpoint endpoint) {
        Response r = call(endpoint, null, world.a(), world.ids(), world.attachment());
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    static Stream<Endpoint> endpointsWithIds() {
        return endpoints().stream().filter(e -> e.path().contains("{"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithIds")
    void anotherTenantsIdsAreNotFoundAndNothingChanges(Endpoint endpoint) {
        Map<String, String> before = snapshot();
        Response r = call(endpoint, world.b().owner(), world.b(), world.ids(), world.attachment());
        assertThat(r.status()).as(endpoint + ": " + r.body()).isEqualTo(404);
        assertThat(r.text("type")).isEqualTo("https://makcrm.dev/problems/not-found");
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Tenant A's shared records and attachment as A's owner sees them (versions, deletion, names). */
    private Map<String, String> snapshot() {
        Map<String, String> state = new HashMap<>();
        world.ids().forEach((o, id) -> {
            Response r = api.get("/api/v1/" + o + "/" + id, world.a().owner());
            state.put(
                    o,
                    r.status() + " " + r.json().get("version") + " " + r.json().get("deletedAt"));
        });
        Response att =
                api.get("/api/v1/attachments/" + world.attachment(), world.a().owner());
        state.put(
                "attachment",
                att.status() + " " + att.text("name") + " " + att.json().get("deletedAt"));
        return state;
    }

    private Map<String, String> freshRecords(TestTenant t) {
        Map<String, String> ids = new HashMap<>();
        for (String o : OBJECTS) {
            ids.put(o, create(t, o, minimal(o)));
        }
        return ids;
    }

    private static Map<String, Object> minimal(String objects) {
        return switch (objects) {
            case "people" -> Map.of("firstName", "P" + UUID.randomUUID());
            case "tasks", "notes" -> Map.of("title", "T" + UUID.randomUUID());
            default -> Map.of("name", "N" + UUID.randomUUID());
        };
    }

    /** Sends the endpoint; {@code attachment} null means: upload a fresh one to the first record first. */
    private Response call(Endpoint e, String bearer, TestTenant owner, Map<String, String> ids, String attachment) {
        String object = OBJECTS.stream()
                .filter(o -> e.path().startsWith("/api/v1/" + o))
                .findFirst()
                .orElse("companies");
        String id = ids.get(object);
        String att = attachment;
        if (att == null && e.path().contains("{att}")) {
            Response up = api.upload(
                    "/api/v1/companies/" + ids.get("companies") + "/attachments",
                    owner.member(),
                    "file",
                    "x.txt",
                    "text/plain",
                    "x".getBytes(StandardCharsets.UTF_8));
            att = up.text("id");
        }
        String path = e.path().replace("{id}", id).replace("{att}", String.valueOf(att));
        Map<String, String> headers = new HashMap<>();
        if (e.method().equals("PATCH") && !path.endsWith("/bulk")) {
            headers.put("If-Match", "\"1\"");
        }
        if (e.body() == null) {
            return e.method().equals("POST")
                    ? api.json(e.method(), path, bearer, Map.of(), headers)
                    : api.json(e.method(), path, bearer, null, headers);
        }
        return switch (e.body()) {
            case "record" -> api.json("POST", path, bearer, minimal(object), headers);
            case "patch" -> api.json("PATCH", path, bearer, patchOf(object), headers);
            case "bulk" -> api.json("POST", path, bearer, Map.of("records", List.of(minimal(object))), headers);
            case "bulkPatch" ->
                api.json(
                        "PATCH",
                        path,
                        bearer,
                        Map.of("changes", List.of(Map.of("id", id, "version", 1, "patch", patchOf(object)))),
                        headers);
            case "csv" ->
                api.upload(
                        path,
                        bearer,
                        "file",
                        "in.csv",
                        "text/csv",
                        (csvHeader(object) + "\r\nImported\r\n").getBytes(StandardCharsets.UTF_8));
            case "file" ->
                api.upload(path, bearer, "file", "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
            case "rename" -> api.json("PATCH", path, bearer, Map.of("name", "renamed.txt"), headers);
            default -> throw new IllegalArgumentException(e.body());
        };
    }

    private static Map<String, Object> patchOf(String objects) {
        return switch (objects) {
            case "people" -> Map.of("firstName", "Changed");
            case "tasks", "notes" -> Map.of("title", "Changed");
            default -> Map.of("name", "Changed");
        };
    }

    private static String csvHeader(String objects) {
        return switch (objects) {
            case "people" -> "firstName";
            case "tasks", "notes" -> "title";
            default -> "name";
        };
    }
}
