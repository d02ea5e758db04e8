package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

/** Helpers for the pipeline and custom field API tests: conditional requests and problem checks. */
abstract class SchemaApiTestBase extends ApiTestBase {

    static final String PROBLEMS = "https://makcrm.dev/problems/";

    /** A JSON request with an optional {@code If-Match}; {@code body} may be null (no body). */
    Response send(String method, String path, String token, String ifMatch, Object body) {
        return api.json(method, path, token, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** A request whose body is sent as is: broken JSON, or JSON a map cannot hold (an explicit null). */
    Response sendRaw(String method, String path, String token, String ifMatch, String body) {
        Map<String, String> headers = ifMatch == null
                ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "If-Match", ifMatch);
        return api.send(method, path, "application/json", BodyPublishers.ofString(body), headers);
    }

    static void assertProblem(Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).isEqualTo(PROBLEMS + type);
    }

    static String etag(Response r) {
        return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag in " + r.status() + " " + r.body()));
    }
}
