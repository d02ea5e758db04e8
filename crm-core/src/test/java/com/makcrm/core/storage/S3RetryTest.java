package com.makcrm.core.storage;

import static com.makcrm.core.storage.ObjectStorageContract.assertCategory;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.ErrorCategory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transient failures cannot be provoked in a real store on demand, so here an HTTP endpoint fails the first requests
 * with 500 and then accepts a PutObject, to show what the retry settings do.
 */
class S3RetryTest {

    private static final String ERROR = "<Error><Code>InternalError</Code><Message>try again</Message></Error>";

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startFlakyEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::respond);
        server.start();
    }

    @AfterEach
    void stopFlakyEndpoint() {
        server.stop(0);
    }

    @Test
    void retriesATransientFailureSendingTheSameContentAgain() {
        failuresLeft.set(2);

        try (ObjectStorage storage = storage(3)) {
            storage.put("retried.txt", new ByteArrayInputStream("same content".getBytes(StandardCharsets.UTF_8)), null);
        }

        // over plain HTTP the SDK signs the body in aws-chunked framing around the content
        assertThat(bodies).hasSize(3).allSatisfy(body -> assertThat(body).contains("\r\nsame content\r\n"));
    }

    @Test
    void reportsAFailureThatOutlastsTheAttemptsAsUnavailable() {
        failuresLeft.set(5);

        try (ObjectStorage storage = storage(2)) {
            assertCategory(
                    () -> storage.put("failing.txt", new ByteArrayInputStream(new byte[3]), null),
                    ErrorCategory.UNAVAILABLE);
        }

        assertThat(bodies).hasSize(2);
    }

    private ObjectStorage storage(int maxAttempts) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new S3ObjectStorage(S3Settings.builder("flaky")
                .endpoint(endpoint)
                .pathStyle(true)
                .credentials("access", "secret")
                .maxAttempts(maxAttempts)
                .build());
    }

    private void respond(HttpExchange exchange) throws IOException {
        try (exchange) {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (failuresLeft.getAndDecrement() > 0) {
                byte[] error = ERROR.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"etag\"");
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }
}
