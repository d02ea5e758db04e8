package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A deployment with CRM_MANAGEMENT_PORT: probes and the scrape move to the internal port, off the API port. */
@TestPropertySource(properties = "CRM_MANAGEMENT_PORT=0")
class ManagementPortTest extends ApiTestBase {

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int apiPort;

    @Test
    void probesAndTheScrapeAnswerOnTheManagementPortOnly() throws InterruptedException {
        ApiClient management = new ApiClient(managementPort);
        assertThat(managementPort).isNotEqualTo(apiPort);

        Response readiness = ActuatorTest.readiness(management);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().at("/components/storage/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");

        Response liveness = management.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("storage");

        Response scrape = management.get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");

        Response onApiPort = api.get("/actuator/prometheus", null);
        assertThat(onApiPort.status()).isEqualTo(404);
        assertThat(onApiPort.contentType()).startsWith("application/problem+json");
    }
}
