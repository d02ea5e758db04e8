package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every operation with its credential, its problem responses and the request id. */
class OpenApiDocsTest extends ApiTestBase {

    private JsonNode doc;

    @BeforeEach
    void document() {
        Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        doc = r.json();
    }

    @Test
    void everyRecordCollectionIsDocumentedWithItsVersionedWritesAndCsvExport() {
        for (String objects : new String[] {"companies", "people", "opportunities", "tasks", "notes"}) {
            String base = "/api/v1/" + objects;
            JsonNode item = doc.at("/paths/" + base.replace("/", "~1") + "~1{id}");
            assertThat(item.has("get")).as(base).isTrue();
            assertThat(item.at("/patch/responses/428").isMissingNode()).as(base).isFalse();
            assertThat(item.at("/patch/responses/409").isMissingNode()).as(base).isFalse();
            assertThat(item.at("/delete/responses/404").isMissingNode())
                    .as(base)
                    .isFalse();
            JsonNode export = doc.at("/paths/" + (base + "/export").replace("/", "~1") + "/get/responses/200/content");
            assertThat(export.has("text/csv")).as(base).isTrue();
            assertThat(doc.at("/paths/" + (base + "/bulk").replace("/", "~1")).has("post"))
                    .isTrue();
        }
        assertThat(doc.at("/paths/~1api~1v1~1search/get").isMissingNode()).isFalse();
        // writes that refuse to run without If-Match document it as a required header, and nothing else for it
        for (String pointer : new String[] {
            "/paths/~1api~1v1~1pipelines~1{id}/patch",
            "/paths/~1api~1v1~1metadata~1fields~1{object}~1{name}/patch",
            "/paths/~1api~1v1~1attachments~1{id}/patch",
            "/paths/~1api~1v1~1companies~1{id}/patch"
        }) {
            JsonNode op = doc.at(pointer);
            java.util.List<String> names = new java.util.ArrayList<>();
            op.get("parameters")
                    .forEach(p -> names.add(
                            p.has("name")
                                    ? p.get("name").asString()
                                    : p.get("$ref").asString()));
            assertThat(names).as(pointer).contains("If-Match").doesNotContain("expected");
            op.get("parameters").forEach(p -> {
                if (p.has("name") && p.get("name").asString().equals("If-Match")) {
                    assertThat(p.get("in").asString()).isEqualTo("header");
                    assertThat(p.get("required").asBoolean()).as(pointer).isTrue();
                }
            });
            assertThat(op.at("/responses/428").isMissingNode()).as(pointer).isFalse();
        }
        assertThat(doc.at("/paths/~1api~1v1~1pipelines/post").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1metadata~1fields/post").isMissingNode())
                .isFalse();
    }

    @Test
    void operationIdsAreUniqueAndNamedAfterMethodAndPath() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String id = op.getValue().get("operationId").asString();
                    assertThat(ids.add(id)).as("duplicate operationId " + id).isTrue();
                    assertThat(id).matches("[a-z]+[A-Za-z0-9]*");
                }));
        assertThat(doc.at("/paths/~1api~1v1~1companies~1{id}/get/operationId").asString())
                .isEqualTo("getCompaniesById");
        assertThat(doc.at("/paths/~1api~1v1~1people~1{id}~1restore/post/operationId")
                        .asString())
                .isEqualTo("postPeopleByIdRestore");
    }

    @Test
    void isOpenApi31WithTheBuildVersionAndOneBearerScheme() {
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.at("/info/title").asString()).isNotBlank();
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        JsonNode bearer = doc.at("/components/securitySchemes/bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void authEndpointsNeedNoCredentialAndLoginDocumentsWrongCredentials() {
        JsonNode login = doc.at("/paths/~1api~1v1~1auth~1login/post");
        assertThat(login.isMissingNode()).isFalse();
        assertThat(login.has("security")).isFalse();
        assertThat(refs(login.get("responses")))
                .containsEntry("400", "BadRequest")
                .containsEntry("401", "WrongCredentials")
                .containsEntry("409", "Conflict")
                .containsEntry("413", "PayloadTooLarge")
                .containsEntry("415", "UnsupportedMediaType")
                .containsEntry("429", "RateLimited")
                .containsEntry("500", "InternalError")
                .containsEntry("503", "Unavailable")
                .doesNotContainKeys("403", "404");
        assertThat(login.at("/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/TokenResponse");
    }

    @Test
    void securedEndpointsNeedTheBearerAndDocumentTheirProblems() {
        JsonNode create = doc.at("/paths/~1api~1v1~1admin~1api-keys/post");
        assertThat(create.get("security").get(0).has("bearer")).isTrue();
        assertThat(refs(create.get("responses")))
                .containsKeys("400", "401", "403", "409", "413", "415", "429", "500", "503")
                .doesNotContainKey("404");
        assertThat(create.at("/requestBody/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/NewApiKeyRequest");

        JsonNode revoke = doc.at("/paths/~1api~1v1~1admin~1api-keys~1{id}/delete");
        assertThat(refs(revoke.get("responses")))
                .containsEntry("401", "Unauthorized")
                .containsEntry("403", "Forbidden")
                .containsEntry("404", "NotFound")
                .containsEntry("409", "Conflict")
                .doesNotContainKeys("413", "415");
        assertThat(revoke.at("/responses/204").isMissingNode()).isFalse();
    }

    @Test
    void problemResponsesAreProblemJsonWithTheProblemSchema() {
        JsonNode unauthorized = doc.at("/components/responses/Unauthorized");
        assertThat(unauthorized
                        .at("/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(unauthorized.at("/headers/WWW-Authenticate").isMissingNode()).isFalse();
        assertThat(doc.at("/components/responses/RateLimited/headers/Retry-After")
                        .isMissingNode())
                .isFalse();

        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertThat(names(problem)).contains("type", "title", "status", "detail", "instance", "requestId", "errors");
        assertThat(problem.at("/errors/items/$ref").asString()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(names(doc.at("/components/schemas/FieldProblem/properties"))).containsExactly("field", "message");
    }

    @Test
    void everyOperationDocumentsFailuresAndTheRequestIdHeader() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey() + " " + path.getKey();
                operations.add(name);
                JsonNode responses = op.getValue().get("responses");
                assertThat(refs(responses)).as(name).containsKeys("400", "429", "500", "503");
                boolean isPublic = path.getKey().startsWith("/api/v1/auth/");
                assertThat(op.getValue().has("security")).as(name).isEqualTo(!isPublic);
                if (!isPublic) {
                    assertThat(refs(responses)).as(name).containsKeys("401", "403");
                }
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (!response.getValue().has("$ref")) {
                        assertThat(response.getValue()
                                        .at("/headers/X-Request-Id/$ref")
                                        .asString())
                                .as(name + " " + response.getKey())
                                .isEqualTo("#/components/headers/X-Request-Id");
                    }
                }
            }
        }
        assertThat(operations)
                .contains(
                        "post /api/v1/auth/signup",
                        "post /api/v1/auth/refresh",
                        "post /api/v1/auth/logout",
                        "get /api/v1/admin/members",
                        "patch /api/v1/admin/members/{userId}")
                .noneMatch(name -> name.endsWith(" /error"));
    }

    @Test
    void swaggerUiAnswersWithoutCredentials() {
        Response page = api.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");

        Response entry = api.get("/swagger-ui.html", null);
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));

        Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);

        Response yaml = api.get("/v3/api-docs.yaml", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.1");
    }

    /** Status to the name of the referenced response component (or "inline"). */
    private static Map<String, String> refs(JsonNode responses) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : responses.properties()) {
            JsonNode ref = e.getValue().get("$ref");
            out.put(e.getKey(), ref == null ? "inline" : ref.asString().replace("#/components/responses/", ""));
        }
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }
}
