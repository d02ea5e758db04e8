package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The API rate limit end to end with a limit of 5 per minute; run once with Redis and once in single-node mode. */
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=3")
abstract class RateLimitApiTest extends ApiTestBase {

    static final String LIST = "/api/v1/admin/api-keys";

    @DynamicPropertySource
    static void limit(DynamicPropertyRegistry registry) {
        registry.add("crm.rate-limit.requests-per-minute", () -> "5"); // over ApiTestBase's 0 (off)
    }

    @Test
    void sixthRequestInAMinuteIsRefusedWith429AndRetryAfter() {
        String owner = signup(email()).text("accessToken");

        for (int i = 1; i <= 5; i++) {
            Response ok = api.get(LIST, owner);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).hasValue("5");
            assertThat(ok.header("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
            assertThat(Long.parseLong(ok.header("RateLimit-Reset").orElseThrow()))
                    .isBetween(1L, 60L);
        }
        Response refused = api.get(LIST, owner);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("https://makcrm.dev/problems/rate-limited");
        assertThat(refused.text("detail")).contains("5 requests per minute");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void theRefusalIsInTheClientsLanguage() {
        String owner = signup(email()).text("accessToken");
        Map<String, String> russian = Map.of("Authorization", "Bearer " + owner, "Accept-Language", "ru-RU");
        Response refused = null;
        for (int i = 0; i <= 5; i++) {
            refused = api.send("GET", LIST, null, java.net.http.HttpRequest.BodyPublishers.noBody(), russian);
        }

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("type")).isEqualTo("https://makcrm.dev/problems/rate-limited");
        assertThat(refused.text("title")).matches(".*\\p{IsCyrillic}.*");
        assertThat(refused.text("detail")).startsWith("превышен предел в 5 запросов за минуту; повторите через ");
        assertThat(refused.header("Content-Language")).hasValue("ru");
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    void everyCredentialHasItsOwnLimitAndAnonymousRequestsAreNotCounted() {
        String email = email();
        String owner = signup(email).text("accessToken");
        String other = signup(email()).text("accessToken");
        String apiKey = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "ops", "role", "ADMIN"))
                .text("key");
        for (int i = 0; i < 5; i++) {
            api.get(LIST, owner);
        }
        assertThat(api.get(LIST, owner).status()).isEqualTo(429);

        assertThat(api.get(LIST, other).status()).isEqualTo(200);
        assertThat(api.get(LIST, apiKey).status()).isEqualTo(200);
        Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", ApiTestBase.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("RateLimit-Limit")).isEmpty();
    }
}
