package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import com.sun.net.httpserver.HttpServer;
import io.sentry.Sentry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code CRM_SENTRY_DSN} set, an unexpected failure reaches Sentry as one event tagged with the error reference
 * the client was given, and client errors do not. A local HTTP server stands in for Sentry's envelope endpoint.
 */
class SentryReportsTest extends ApiTestBase {

    private static final List<String> envelopes = new CopyOnWriteArrayList<>();
    private static final HttpServer sentry = fakeSentry();

    @DynamicPropertySource
    static void sentry(DynamicPropertyRegistry registry) {
        registry.add(
                "sentry.dsn",
                () -> "http://public@127.0.0.1:" + sentry.getAddress().getPort() + "/42");
        registry.add("sentry.environment", () -> "test");
    }

    @AfterAll
    static void stop() {
        sentry.stop(0);
    }

    @Test
    void anUnexpectedFailureIsReportedWithItsErrorReferenceAndNoCredentials() {
        String token = signup(email()).text("accessToken");
        envelopes.clear();

        Response failure = api.get("/api/v1/test-failures/runtime", token);
        Sentry.flush(5000);

        assertThat(failure.status()).isEqualTo(500);
        String reference = failure.text("requestId");
        List<String> events = events();
        assertThat(events).hasSize(1);
        String event = events.get(0);
        assertThat(event)
                .contains("IllegalStateException")
                .contains("\"request_id\":\"" + reference + "\"")
                .contains("\"environment\":\"test\"")
                .contains("/api/v1/test-failures/runtime")
                .contains("\"release\":\"crm-server-")
                .doesNotContain(token);
    }

    @Test
    void clientErrorsAreNotReported() {
        String token = signup(email()).text("accessToken");
        envelopes.clear();

        assertThat(api.get("/api/v1/companies/not-a-uuid", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/test-failures/translated", token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        Sentry.flush(5000);

        assertThat(events()).isEmpty();
    }

    /** The envelopes that hold an error event (Sentry also sends sessions and client reports). */
    private static List<String> events() {
        return envelopes.stream().filter(e -> e.contains("\"type\":\"event\"")).toList();
    }

    private static HttpServer fakeSentry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/42/envelope/", exchange -> {
                try (InputStream raw = exchange.getRequestBody();
                        InputStream body = "gzip"
                                        .equalsIgnoreCase(
                                                exchange.getRequestHeaders().getFirst("Content-Encoding"))
                                ? new GZIPInputStream(raw)
                                : raw) {
                    envelopes.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
