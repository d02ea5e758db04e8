package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Probes and metrics for the platform: what Kubernetes and Prometheus read, without credentials. */
class ActuatorTest extends ApiTestBase {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void livenessIsUpAndDependsOnNothingOutside() {
        Response r = api.get("/actuator/health/liveness", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        assertThat(r.body()).doesNotContain("\"db\"");
    }

    @Test
    void readinessIsUpAndIncludesTheDatabaseAndTheObjectStore() throws InterruptedException {
        Response r = readiness(api);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        assertThat(r.json().at("/components/readinessState/status").asString()).isEqualTo("UP");
        assertThat(r.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(r.json().at("/components/storage/status").asString()).isEqualTo("UP"); // S3 in these tests
    }

    /**
     * Asked again while not ready, as Kubernetes does: the store's first answer may miss the storage check's short
     * timeout on a loaded machine.
     */
    static Response readiness(ApiClient client) throws InterruptedException {
        Response r = client.get("/actuator/health/readiness", null);
        for (int attempt = 1; attempt < 20 && r.status() != 200; attempt++) {
            Thread.sleep(500);
            r = client.get("/actuator/health/readiness", null);
        }
        return r;
    }

    @Test
    void prometheusScrapeHasHttpPoolAndJvmMetricsWithoutPersonalData() {
        String email = email();
        Response signup = signup(email);
        String owner = signup.text("accessToken");
        String tenantId = signup.json().at("/tenant/id").asString();
        String userId = signup.json().at("/user/id").asString();
        assertThat(api.get("/api/v1/admin/members/" + userId, owner).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/members/" + UUID.randomUUID(), owner).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/people-by-email/" + email, owner).status()).isEqualTo(404);
        assertThat(api.get("/tenants/" + tenantId, null).status()).isEqualTo(404);

        Response r = api.get("/actuator/prometheus", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        String scrape = r.body();
        assertThat(scrape)
                .contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/v1/admin/members/{userId}\"")
                .contains("status=\"404\",uri=\"/**\"") // unmatched paths collapse to one pattern
                .contains("hikaricp_connections")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds")
                .contains("application=\"crm-server\"")
                .doesNotContain(email)
                .doesNotContain("@example.com")
                .doesNotContain(tenantId)
                .doesNotContain(userId);
        List<String> uuidsInMetrics =
                UUID_FORM.matcher(scrape).results().map(m -> m.group()).toList();
        assertThat(uuidsInMetrics).isEmpty();
    }

    @Test
    void otherActuatorEndpointsStayClosed() {
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 403, 404);
        assertThat(api.get("/actuator/env", null).body()).doesNotContain("spring.datasource");
    }
}
