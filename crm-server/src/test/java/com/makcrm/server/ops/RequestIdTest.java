package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every answer, good or bad, carries a request id; problems and log lines carry the same one. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends ApiTestBase {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void generatesAnIdForEveryAnswer() {
        String owner = signup(email()).text("accessToken");
        Response ok = api.get("/api/v1/admin/members", owner);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID_FORM));

        Response other = api.get("/api/v1/admin/members", owner);
        assertThat(other.header("X-Request-Id")).isNotEqualTo(ok.header("X-Request-Id"));
    }

    @Test
    void echoesASaneIdFromTheCaller() {
        String id = "edge-01:" + UUID.randomUUID() + ".retry_2";
        Response r = get("/actuator/health/liveness", id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Request-Id")).hasValue(id);
    }

    @Test
    void replacesIdsThatAreTooLongOrCarryOtherCharacters() {
        for (String insane : new String[] {"x".repeat(129), "a b", "id<script>", "naïve", "semi;colon", ""}) {
            Response r = get("/actuator/health/liveness", insane);
            assertThat(r.header("X-Request-Id"))
                    .as(insane)
                    .hasValueSatisfying(id -> assertThat(id).matches(UUID_FORM));
        }
        Response longest = get("/actuator/health/liveness", "y".repeat(128));
        assertThat(longest.header("X-Request-Id")).hasValue("y".repeat(128));
    }

    @Test
    void securityRefusalsCarryTheIdInHeaderAndProblem() {
        Response r = get("/api/v1/admin/members", "caller-401");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Request-Id")).hasValue("caller-401");
        assertThat(r.text("requestId")).isEqualTo("caller-401");

        Response generated = api.get("/api/v1/admin/members", "not-a-token");
        assertThat(generated.status()).isEqualTo(401);
        assertThat(generated.text("requestId"))
                .isEqualTo(generated.header("X-Request-Id").orElseThrow());
    }

    @Test
    void problemsFromControllersAndTheErrorPageCarryTheSameId() {
        String owner = signup(email()).text("accessToken");

        Response notFound = api.get("/api/v1/admin/members/" + UUID.randomUUID(), owner);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text("requestId"))
                .isEqualTo(notFound.header("X-Request-Id").orElseThrow());

        Response noPath = get("/no-such-page", "caller-404");
        assertThat(noPath.status()).isEqualTo(404);
        assertThat(noPath.text("requestId")).isEqualTo("caller-404");

        Response errorPage = api.get("/api/v1/test-failures/send-error", owner);
        assertThat(errorPage.status()).isEqualTo(503);
        assertThat(errorPage.text("requestId"))
                .isEqualTo(errorPage.header("X-Request-Id").orElseThrow());

        Response tooLarge = api.send(
                "POST",
                "/api/v1/auth/login",
                "application/json",
                BodyPublishers.ofString("{\"email\": \"" + "a".repeat(70 * 1024) + "\"}"),
                Map.of("X-Request-Id", "caller-413"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("X-Request-Id")).hasValue("caller-413");
        assertThat(tooLarge.text("requestId")).isEqualTo("caller-413");
    }

    @Test
    void logLinesOfTheRequestCarryItsId(CapturedOutput output) {
        String owner = signup(email()).text("accessToken");
        String id = "log-" + UUID.randomUUID();

        Response r = api.send(
                "GET",
                "/api/v1/test-failures/runtime",
                null,
                BodyPublishers.noBody(),
                Map.of("Authorization", "Bearer " + owner, "X-Request-Id", id));

        assertThat(r.status()).isEqualTo(500);
        assertThat(output.getOut().lines().filter(line -> line.contains("failed (error reference")))
                .anySatisfy(line -> assertThat(line).contains("[" + id + "]"));
    }

    private Response get(String path, String requestId) {
        return api.send("GET", path, null, BodyPublishers.noBody(), Map.of("X-Request-Id", requestId));
    }
}
