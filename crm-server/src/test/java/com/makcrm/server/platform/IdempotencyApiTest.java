package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code Idempotency-Key} end to end, on the real server; run once with Redis and once in single-node mode.
 * Sign-up users are OWNERs of their own tenant, so they may create API keys, the POST under test.
 */
@Import(IdempotencyTestEndpoints.class)
@TestPropertySource(
        properties = {"crm.idempotency.max-response-size=4KB", "spring.datasource.hikari.maximum-pool-size=3"})
abstract class IdempotencyApiTest extends ApiTestBase {

    static final String API_KEYS = "/api/v1/admin/api-keys";
    static final String PROBLEMS = "https://makcrm.dev/problems/";

    @Autowired
    IdempotencyStore store;

    @Autowired
    HealthContributorRegistry health;

    abstract Class<? extends IdempotencyStore> expectedStore();

    Response post(String path, String bearer, String key, Map<String, ?> body) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + bearer));
        if (key != null) {
            headers.put(IdempotencyKey.HEADER, key);
        }
        return api.send("POST", path, "application/json", BodyPublishers.ofString(ApiClient.json(body)), headers);
    }

    int apiKeyCount(String bearer) {
        return api.get(API_KEYS, bearer).json().get("data").size();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    @Test
    void runsOnTheExpectedStore() {
        assertThat(store).isInstanceOf(expectedStore());
        assertThat(health.getContributor("redis") != null).isEqualTo(expectedStore() == RedisIdempotencyStore.class);
    }

    @Test
    void retryWithTheSameKeyGetsTheFirstResponseAndCreatesNothingTwice() {
        String owner = signup(email()).text("accessToken");
        String key = newKey();
        Map<String, String> body = Map.of("name", "k", "role", "MEMBER");

        Response first = post(API_KEYS, owner, key, body);
        Response retry = post(API_KEYS, owner, key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(IdempotencyFilter.REPLAYED)).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isPresent();
        assertThat(retry.contentType()).isEqualTo(first.contentType()).startsWith("application/json");
        assertThat(apiKeyCount(owner)).isEqualTo(1);
    }

    @Test
    void recordCreateIsReplayedWithItsEtagAndCreatesOneRecord() {
        String owner = signup(email()).text("accessToken");
        String key = newKey();

        Response first = post("/api/v1/companies", owner, key, Map.of("name", "Acme"));
        Response retry = post("/api/v1/companies", owner, key, Map.of("name", "Acme"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isPresent();
        assertThat(api.get("/api/v1/companies", owner).json().get("data").size())
                .isEqualTo(1);
    }

    @Test
    void requestsWithoutAKeyAreNotDeduplicated() {
        String owner = signup(email()).text("accessToken");
        Map<String, String> body = Map.of("name", "k", "role", "MEMBER");

        assertThat(post(API_KEYS, owner, null, body).status()).isEqualTo(201);
        assertThat(post(API_KEYS, owner, null, body).status()).isEqualTo(201);

        assertThat(apiKeyCount(owner)).isEqualTo(2);
    }

    @Test
    void sameKeyForADifferentRequestIsUnprocessable() {
        String owner = signup(email()).text("accessToken");
        String key = newKey();
        post(API_KEYS, owner, key, Map.of("name", "k", "role", "MEMBER"));

        Response other = post(API_KEYS, owner, key, Map.of("name", "other", "role", "MEMBER"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text("type")).isEqualTo(PROBLEMS + "unprocessable");
        assertThat(other.text("detail")).isEqualTo("Idempotency-Key was already used for a different request");
        assertThat(apiKeyCount(owner)).isEqualTo(1);
    }

    @Test
    void malformedKeyIsRefusedAndNothingIsCreated() {
        String owner = signup(email()).text("accessToken");

        for (String bad : new String[] {"", "k".repeat(256)}) {
            Response refused = post(API_KEYS, owner, bad, Map.of("name", "k", "role", "MEMBER"));

            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo(PROBLEMS + "invalid");
            assertThat(refused.text("detail")).contains("Idempotency-Key", "255");
        }
        assertThat(apiKeyCount(owner)).isZero();

        Map<String, String> russian =
                Map.of("Authorization", "Bearer " + owner, IdempotencyKey.HEADER, "", "Accept-Language", "ru");
        Response inRussian = api.send(
                "POST",
                API_KEYS,
                "application/json",
                BodyPublishers.ofString(ApiClient.json(Map.of("name", "k", "role", "MEMBER"))),
                russian);
        assertThat(inRussian.status()).isEqualTo(400);
        assertThat(inRussian.text("detail"))
                .isEqualTo("Idempotency-Key должен состоять из 1–255 печатных символов ASCII");
    }

    @Test
    void otherCallersWithTheSameKeyAreIndependent() {
        String owner = signup(email()).text("accessToken");
        String adminKey = post(API_KEYS, owner, null, Map.of("name", "ops", "role", "ADMIN"))
                .text("key");
        String otherTenantOwner = signup(email()).text("accessToken");
        String key = newKey();
        Map<String, String> body = Map.of("name", "k", "role", "MEMBER");

        Response byOwner = post(API_KEYS, owner, key, body);
        Response byApiKey = post(API_KEYS, adminKey, key, body);
        Response byOtherTenant = post(API_KEYS, otherTenantOwner, key, body);

        for (Response r : new Response[] {byOwner, byApiKey, byOtherTenant}) {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.header(IdempotencyFilter.REPLAYED)).isEmpty();
        }
        assertThat(byApiKey.text("id")).isNotEqualTo(byOwner.text("id"));
        assertThat(apiKeyCount(owner)).isEqualTo(3);
        assertThat(apiKeyCount(otherTenantOwner)).isEqualTo(1);
    }

    @Test
    void clientErrorsAreKeptAndReplayed() {
        String owner = signup(email()).text("accessToken");
        String key = newKey();

        Response first = post(API_KEYS, owner, key, Map.of("role", "ROOT"));
        Response retry = post(API_KEYS, owner, key, Map.of("role", "ROOT"));

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.header("Content-Language")).hasValue("en"); // the replayed body's language
    }

    @Test
    void serverErrorsFreeTheKeySoTheRetryRunsAgain() {
        String owner = signup(email()).text("accessToken");
        String id = newKey();
        String path = "/api/v1/test-idempotency/flaky/" + id;
        String key = newKey();

        Response failed = post(path, owner, key, Map.of());
        Response retried = post(path, owner, key, Map.of());
        Response replayed = post(path, owner, key, Map.of());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header(IdempotencyFilter.REPLAYED)).isEmpty();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(IdempotencyTestEndpoints.calls(id)).isEqualTo(2);
    }

    @Test
    void retryWhileTheFirstRequestRunsIsToldToWait() throws Exception {
        String owner = signup(email()).text("accessToken");
        String id = newKey();
        String path = "/api/v1/test-idempotency/slow/" + id;
        String key = newKey();
        CountDownLatch entered = IdempotencyTestEndpoints.entered.computeIfAbsent(id, k -> new CountDownLatch(1));
        CountDownLatch proceed = IdempotencyTestEndpoints.proceed.computeIfAbsent(id, k -> new CountDownLatch(1));

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(path, owner, key, Map.of()));
        try {
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            Response concurrent = post(path, owner, key, Map.of());
            Response differentWhileRunning = post(path, owner, key, Map.of("other", true));

            assertThat(concurrent.status()).isEqualTo(409);
            assertThat(concurrent.text("type")).isEqualTo(PROBLEMS + "conflict");
            assertThat(concurrent.header("Retry-After")).hasValue("1");
            assertThat(differentWhileRunning.status()).isEqualTo(422);
        } finally {
            proceed.countDown();
        }
        Response done = first.get(30, TimeUnit.SECONDS);
        Response replayed = post(path, owner, key, Map.of());

        assertThat(done.status()).isEqualTo(201);
        assertThat(replayed.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(replayed.body()).isEqualTo(done.body());
        assertThat(IdempotencyTestEndpoints.calls(id)).isEqualTo(1);
    }

    @Test
    void responseTooLargeToKeepIsSentWholeAndItsKeyStaysUsed() {
        String owner = signup(email()).text("accessToken");
        String id = newKey();
        String path = "/api/v1/test-idempotency/large/" + id + "/10000"; // over the 4KB limit of this test
        String key = newKey();

        Response first = post(path, owner, key, Map.of());
        Response retry = post(path, owner, key, Map.of());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("filler").asString()).hasSize(10000);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.text("detail")).contains("status 201", "too large");
        assertThat(IdempotencyTestEndpoints.calls(id)).isEqualTo(1);
    }

    @Test
    void uploadsAreFingerprintedByTheirContent() {
        String owner = signup(email()).text("accessToken");
        String id = newKey();
        String path = "/api/v1/test-idempotency/upload/" + id;
        String key = newKey();

        Response first = upload(path, owner, key, "boundary-one", "hello");
        Response retry = upload(path, owner, key, "boundary-two", "hello"); // another boundary, same content
        Response changed = upload(path, owner, key, "boundary-one", "HELLO");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("content")).isEqualTo("hello");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(IdempotencyTestEndpoints.calls(id)).isEqualTo(1);
    }

    private Response upload(String path, String bearer, String key, String boundary, String content) {
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return api.send(
                "POST",
                path,
                "multipart/form-data; boundary=" + boundary,
                BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + bearer, IdempotencyKey.HEADER, key));
    }
}
