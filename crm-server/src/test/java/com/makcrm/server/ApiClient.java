package com.makcrm.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the server under test, with JSON helpers. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** An answer: status, headers and the body (as text and, when it is JSON, as a tree). */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    public Response post(String path, Map<String, ?> body) {
        return send("POST", path, null, "application/json", BodyPublishers.ofString(json(body)));
    }

    public Response post(String path, String bearer, Map<String, ?> body) {
        return send("POST", path, bearer, "application/json", BodyPublishers.ofString(json(body)));
    }

    public Response patch(String path, String bearer, Map<String, ?> body) {
        return send("PATCH", path, bearer, "application/json", BodyPublishers.ofString(json(body)));
    }

    /** A JSON request with extra headers (If-Match, Idempotency-Key, ...); {@code body} may be null. */
    public Response json(String method, String path, String bearer, Object body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (bearer != null) {
            all.put("Authorization", "Bearer " + bearer);
        }
        return body == null
                ? send(method, path, null, BodyPublishers.noBody(), all)
                : send(method, path, "application/json", BodyPublishers.ofString(JSON.writeValueAsString(body)), all);
    }

    /** A multipart/form-data upload of one file part named {@code field}, plus plain text fields. */
    public Response upload(
            String path, String bearer, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----crm" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\n" + "Content-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(
                "POST",
                path,
                "multipart/form-data; boundary=" + boundary,
                BodyPublishers.ofByteArray(out.toByteArray()),
                bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> bytes(String path, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String bearer) {
        return send("GET", path, bearer, null, BodyPublishers.noBody());
    }

    public Response delete(String path, String bearer) {
        return send("DELETE", path, bearer, null, BodyPublishers.noBody());
    }

    public Response send(String method, String path, String bearer, String contentType, BodyPublisher body) {
        return send(
                method,
                path,
                contentType,
                body,
                bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
    }

    public Response send(
            String method, String path, String contentType, BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
