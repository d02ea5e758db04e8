package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import com.makcrm.server.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The record collections over real HTTP: CRUD with versions, lists, bulk, timeline, CSV and attachments. */
class RecordApiTest extends ApiTestBase {

    /** Each collection with a valid new record and a change to it. */
    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("companies", Map.of("name", "Acme", "domain", "acme-" + suffix() + ".example"), "name"),
                Arguments.of(
                        "people",
                        Map.of(
                                "firstName",
                                "Ada",
                                "lastName",
                                "Lovelace",
                                "emails",
                                Map.of("primary", "ada-" + suffix() + "@example.com")),
                        "firstName"),
                Arguments.of(
                        "opportunities",
                        Map.of("name", "Big deal", "amount", Map.of("amountMinor", 1250000, "currency", "EUR")),
                        "name"),
                Arguments.of("tasks", Map.of("title", "Call back", "status", "TODO"), "title"),
                Arguments.of("notes", Map.of("title", "Met at the fair", "body", "Wants a demo"), "title"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void createReadUpdateDeleteRestore(String objects, Map<String, Object> input, String changed) {
        TestTenant t = newTenant();
        String base = "/api/v1/" + objects;

        Response created = api.post(base, t.member(), input);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).hasValue(base + "/" + id);
        assertThat(created.header("ETag")).hasValue("\"1\"");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        input.forEach((field, value) -> {
            if (!(value instanceof Map)) {
                assertThat(created.json().get(field).asString()).isEqualTo(value.toString());
            }
        });

        Response read = api.get(base + "/" + id, t.readOnly());
        assertThat(read.status()).isEqualTo(200);
        // one write with a length, not chunked (SingleWriteFilter)
        assertThat(read.header("Content-Length"))
                .hasValue(String.valueOf(read.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(read.header("Transfer-Encoding")).isEmpty();
        assertThat(read.json()).isEqualTo(created.json());

        Response noIfMatch = api.patch(base + "/" + id, t.member(), Map.of(changed, "Changed"));
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.text("type")).isEqualTo("https://makcrm.dev/problems/precondition-required");

        Response updated = patch(base + "/" + id, t.member(), "\"1\"", Map.of(changed, "Changed"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text(changed)).isEqualTo("Changed");
        assertThat(updated.header("ETag")).hasValue("\"2\"");

        Response stale = patch(base + "/" + id, t.member(), "\"1\"", Map.of(changed, "Lost update"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("https://makcrm.dev/problems/conflict");
        assertThat(api.get(base + "/" + id, t.member()).text(changed)).isEqualTo("Changed");

        Response deleted = api.delete(base + "/" + id, t.member());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("deletedAt")).isNotNull();
        assertThat(ids(api.get(base, t.member()))).doesNotContain(id);
        assertThat(ids(api.get(base + "?includeDeleted=true", t.member()))).contains(id);

        Response restored = api.post(base + "/" + id + "/restore", t.member(), Map.of());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.text("deletedAt")).isNull();
        assertThat(ids(api.get(base, t.member()))).contains(id);

        Response timeline = api.get(base + "/" + id + "/timeline", t.readOnly());
        assertThat(timeline.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        timeline.json().get("data").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("RESTORED", "DELETED", "UPDATED", "CREATED");
    }

    @Test
    void paginatesThroughAThousandRecordsWithoutGapsOrRepeats() {
        TestTenant t = newTenant();
        for (int batch = 0; batch < 2; batch++) {
            int from = batch * 500;
            List<Map<String, Object>> records = IntStream.range(from, from + 500)
                    .mapToObj(i -> Map.<String, Object>of("name", "Company %04d".formatted(i)))
                    .toList();
            Response bulk = api.post("/api/v1/companies/bulk", t.member(), Map.of("records", records));
            assertThat(bulk.status()).as(bulk.body()).isEqualTo(201);
            assertThat(bulk.json().get("data").size()).isEqualTo(500);
        }

        List<String> names = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String path =
                    "/api/v1/companies?order=name%5Bdesc%5D&limit=150" + (cursor == null ? "" : "&cursor=" + cursor);
            Response page = api.get(path, t.readOnly());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("data").forEach(r -> {
                names.add(r.get("name").asString());
                ids.add(r.get("id").asString());
            });
            JsonNode info = page.json().get("pageInfo");
            cursor =
                    info.get("hasNextPage").asBoolean() ? info.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(7);
        assertThat(ids).hasSize(1000);
        assertThat(names).hasSize(1000).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(names.get(0)).isEqualTo("Company 0999");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneRecord() {
        TestTenant t = newTenant();
        Map<String, String> key = Map.of("Idempotency-Key", "create-acme-" + suffix());
        Map<String, Object> body = Map.of("name", "Acme", "domain", "acme-" + suffix() + ".example");

        Response first = api.json("POST", "/api/v1/companies", t.member(), body, key);
        Response retry = api.json("POST", "/api/v1/companies", t.member(), body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ids(api.get("/api/v1/companies", t.member()))).containsExactly(first.text("id"));

        Response otherBody = api.json("POST", "/api/v1/companies", t.member(), Map.of("name", "Other"), key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(ids(api.get("/api/v1/companies", t.member()))).hasSize(1);
    }

    @Test
    void filtersWithTheQueryLanguage() {
        TestTenant t = newTenant();
        api.post("/api/v1/companies", t.member(), Map.of("name", "Alpha", "employees", 10));
        api.post("/api/v1/companies", t.member(), Map.of("name", "Beta", "employees", 500));
        api.post("/api/v1/companies", t.member(), Map.of("name", "Gamma", "employees", 5000));

        Response big = api.get("/api/v1/companies?filter=" + encode("employees[gte]:500") + "&order=name", t.member());
        assertThat(big.status()).as(big.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        big.json().get("data").forEach(r -> names.add(r.get("name").asString()));
        assertThat(names).containsExactly("Beta", "Gamma");
    }

    @Test
    void bulkUpdateChangesEveryRecordOrNone() {
        TestTenant t = newTenant();
        String a =
                api.post("/api/v1/companies", t.member(), Map.of("name", "A")).text("id");
        String b =
                api.post("/api/v1/companies", t.member(), Map.of("name", "B")).text("id");

        Response staleOne = renameBoth(t, a, 1, b, 7);
        assertThat(staleOne.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/companies/" + a, t.member()).text("name")).isEqualTo("A");

        Response ok = renameBoth(t, a, 1, b, 1);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/companies/" + b, t.member()).text("name")).isEqualTo("B2");
    }

    @Test
    void aBulkCreateNamesTheFieldsOfTheRecordThatFailed() {
        TestTenant t = newTenant();
        List<Map<String, Object>> records = List.of(
                Map.of("name", "Fine"), Map.of("name", "Broken", "employees", "many", "domain", "not a domain"));

        Response refused = api.post("/api/v1/companies/bulk", t.member(), Map.of("records", records));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).startsWith("record [1]: ");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("records[1].employees", "records[1].domain");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .startsWith(fields.get(0).substring("records[1].".length()) + ": ");
        assertThat(api.get("/api/v1/companies", t.member()).json().get("data").size())
                .as("nothing of the request was created")
                .isZero();
    }

    @Test
    void searchFindsRecordsOfTheCallersTenantOnly() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();
        String id = api.post("/api/v1/companies", t.member(), Map.of("name", "Zanzibar Logistics"))
                .text("id");
        api.post("/api/v1/companies", other.member(), Map.of("name", "Zanzibar Imports"));

        Response hits = api.get("/api/v1/search?q=zanzibar", t.readOnly());
        assertThat(hits.status()).as(hits.body()).isEqualTo(200);
        assertThat(hits.json().get("data").size()).isEqualTo(1);
        assertThat(hits.json().get("data").get(0).get("id").asString()).isEqualTo(id);

        Response missingQ = api.get("/api/v1/search", t.readOnly());
        assertThat(missingQ.status()).isEqualTo(400);
        Response badObject = api.get("/api/v1/search?q=x&objects=task", t.readOnly());
        assertThat(badObject.status()).isEqualTo(400);
        assertThat(badObject.text("detail")).contains("task");
    }

    @Test
    void csvImportReportsPerRowAndExportStreamsTheRecordsBack() {
        TestTenant t = newTenant();
        String csv =
                "name,domain,employees\r\nAcme,acme.example,10\r\nBroken,not a domain,x\r\nGlobex,globex.example,20\r\n";
        Response report = api.upload(
                "/api/v1/companies/import",
                t.member(),
                "file",
                "companies.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("rows").asInt()).isEqualTo(3);
        assertThat(report.json().get("created").asInt()).isEqualTo(2);
        assertThat(report.json().get("failed").asInt()).isEqualTo(1);
        assertThat(report.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);

        Response export = api.get("/api/v1/companies/export?order=name", t.readOnly());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition").orElse("")).contains("companies.csv");
        String[] lines = export.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("id,name,domain");
        assertThat(lines[1]).contains("Acme,acme.example");
        assertThat(lines[2]).contains("Globex,globex.example");

        Response badFilter = api.get("/api/v1/companies/export?filter=" + encode("nosuchfield[eq]:1"), t.readOnly());
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.contentType()).startsWith("application/problem+json");
    }

    @Test
    void attachmentsAreStreamedInAndOutOfObjectStorage() {
        TestTenant t = newTenant();
        String person = api.post("/api/v1/people", t.member(), Map.of("firstName", "Grace"))
                .text("id");
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);

        Response uploaded = api.upload(
                "/api/v1/people/" + person + "/attachments",
                t.member(),
                "file",
                "contract (final).pdf",
                "application/pdf",
                content);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.text("id");
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(content.length);
        assertThat(uploaded.header("Location")).hasValue("/api/v1/attachments/" + id);

        Response listed = api.get("/api/v1/people/" + person + "/attachments", t.readOnly());
        assertThat(listed.json().get("data").get(0).get("name").asString()).isEqualTo("contract (final).pdf");

        var download = api.bytes("/api/v1/attachments/" + id + "/content", t.readOnly());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");

        Response renamed = patch("/api/v1/attachments/" + id, t.member(), "\"1\"", Map.of("name", "contract.pdf"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(api.delete("/api/v1/attachments/" + id, t.member()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + person + "/attachments", t.readOnly())
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void badInputGetsSpecificProblems() {
        TestTenant t = newTenant();
        Response unknownParam = api.get("/api/v1/companies?fitler=" + encode("name[eq]:x"), t.member());
        assertThat(unknownParam.status()).isEqualTo(400);
        assertThat(unknownParam.json().get("errors").get(0).get("field").asString())
                .isEqualTo("fitler");
        assertThat(unknownParam.text("detail")).contains("unknown query parameter 'fitler'");

        Response hugePage = api.get("/api/v1/companies?limit=100000", t.member());
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.text("detail")).contains("200");

        Response badFilter = api.get("/api/v1/companies?filter=" + encode("name ~~ 3"), t.member());
        assertThat(badFilter.status()).isEqualTo(400);

        Response badId = api.get("/api/v1/companies/not-a-uuid", t.member());
        assertThat(badId.status()).isEqualTo(400);

        Response missing = api.get("/api/v1/companies/" + java.util.UUID.randomUUID(), t.member());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("https://makcrm.dev/problems/not-found");

        Response invalid = api.post("/api/v1/companies", t.member(), Map.of("domain", "x", "employees", -3));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "employees");

        Response badJson = api.send("POST", "/api/v1/companies", t.member(), "application/json", body("{\"name\":"));
        assertThat(badJson.status()).isEqualTo(400);

        Response wrongType = api.send("POST", "/api/v1/companies", t.member(), "text/plain", body("name=Acme"));
        assertThat(wrongType.status()).isEqualTo(415);

        Response badIfMatch =
                patch("/api/v1/companies/" + java.util.UUID.randomUUID(), t.member(), "yesterday", Map.of("name", "x"));
        assertThat(badIfMatch.status()).isEqualTo(400);
        assertThat(badIfMatch.text("detail")).contains("If-Match");

        api.post("/api/v1/companies", t.member(), Map.of("name", "One", "domain", "dup.example"));
        Response duplicate = api.post("/api/v1/companies", t.member(), Map.of("name", "Two", "domain", "dup.example"));
        assertThat(duplicate.status()).isEqualTo(409);
        Response upsert = api.post(
                "/api/v1/companies?onDuplicate=update", t.member(), Map.of("name", "Two", "domain", "dup.example"));
        assertThat(upsert.status()).as(upsert.body()).isEqualTo(200);
        assertThat(upsert.text("name")).isEqualTo("Two");
    }

    /** One bulk update renaming company a to A2 and b to B2, each at the version given. */
    private Response renameBoth(TestTenant t, String a, int versionA, String b, int versionB) {
        List<Map<String, Object>> changes = List.of(
                Map.of("id", a, "version", versionA, "patch", Map.of("name", "A2")),
                Map.of("id", b, "version", versionB, "patch", Map.of("name", "B2")));
        return api.json("PATCH", "/api/v1/companies/bulk", t.member(), Map.of("changes", changes), Map.of());
    }

    private Response patch(String path, String bearer, String ifMatch, Map<String, ?> body) {
        return api.json("PATCH", path, bearer, body, Map.of("If-Match", ifMatch));
    }

    static java.net.http.HttpRequest.BodyPublisher body(String text) {
        return java.net.http.HttpRequest.BodyPublishers.ofString(text);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("data").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    static String suffix() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
