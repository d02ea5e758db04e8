package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport under {@link CrowdinClient}: bearer-token requests to {@code <base_url>/api/v2}, limit/offset
 * pagination, retries of 429, 5xx and network failures (Retry-After first, else doubling waits), and the mapping
 * of failures to {@link CrowdinException}s that say what to do.
 */
final class CrowdinHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a request is for, so a failure can say so: the action, the token scope it needs, the 404 message. */
    record Call(String action, String scope, String notFound) {}

    private final URI api;
    private final String token;
    private final String tokenSource;
    private final ClientSettings settings;
    private final HttpClient http;

    CrowdinHttp(URI baseUrl, String token, String tokenSource, ClientSettings settings) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.api = URI.create(base.endsWith("/api/v2") ? base : base + "/api/v2");
        this.token = token;
        this.tokenSource = tokenSource;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI api() {
        return api;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    HttpRequest.Builder post(String path, JsonNode body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    <T> List<T> list(Call call, String path, Function<JsonNode, T> item) {
        List<T> all = new ArrayList<>();
        int limit = settings.pageSize();
        for (int offset = 0; ; offset += limit) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode page = send(
                    call,
                    request(path + sep + "limit=" + limit + "&offset=" + offset).GET());
            JsonNode items = page.path("data");
            if (!items.isArray()) {
                throw unexpected(call, "a list without data");
            }
            items.forEach(node -> all.add(item.apply(node.path("data"))));
            if (items.size() < limit) {
                return all;
            }
        }
    }

    JsonNode send(Call call, HttpRequest.Builder request) {
        byte[] body = sendRaw(call, request).body();
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw unexpected(call, "an answer that is not JSON");
        }
    }

    byte[] bytes(Call call, HttpRequest.Builder builder) {
        return sendRaw(call, builder).body();
    }

    private HttpResponse<byte[]> sendRaw(Call call, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new CrowdinException(
                            ErrorCategory.UNAVAILABLE,
                            0,
                            "Crowdin did not answer within "
                                    + seconds(settings.requestTimeout()) + " to " + call.action() + " ("
                                    + target(request) + "), "
                                    + attempt + " attempts",
                            e);
                }
                pause(settings.backoff(attempt));
                continue;
            } catch (IOException e) {
                if (last) {
                    throw new CrowdinException(
                            ErrorCategory.UNAVAILABLE,
                            0,
                            "could not reach " + target(request) + " to " + call.action() + ": " + describe(e) + " ("
                                    + attempt + " attempts)",
                            e);
                }
                pause(settings.backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrowdinException(
                        ErrorCategory.UNAVAILABLE, 0, "interrupted while waiting to " + call.action(), e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            if (status == 429 || status >= 500) {
                if (last) {
                    throw new CrowdinException(
                            ErrorCategory.UNAVAILABLE,
                            status,
                            (status == 429
                                            ? "Crowdin kept rate-limiting the request (429) to "
                                            : "Crowdin kept failing (HTTP " + status + ") to ")
                                    + call.action() + " after " + attempt + " attempts; try again later"
                                    + detail(response));
                }
                pause(retryAfter(response).orElse(settings.backoff(attempt)));
                continue;
            }
            throw failure(call, response);
        }
    }

    private CrowdinException failure(Call call, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        return switch (status) {
            case 401 ->
                new CrowdinException(
                        ErrorCategory.FORBIDDEN,
                        status,
                        "Crowdin rejected the API token (invalid,"
                                + " expired, or lacking the " + call.scope() + " scope) when trying to " + call.action()
                                + "; set "
                                + tokenSource + " to a valid personal access token");
            case 403 ->
                new CrowdinException(
                        ErrorCategory.FORBIDDEN,
                        status,
                        "Crowdin refused to " + call.action()
                                + detail(response) + "; the token from " + tokenSource + " needs the " + call.scope()
                                + " scope and access to the project");
            case 404 -> new CrowdinException(ErrorCategory.NOT_FOUND, status, call.notFound());
            case 400, 409, 422 ->
                new CrowdinException(
                        ErrorCategory.INVALID,
                        status,
                        "Crowdin rejected the request to " + call.action() + detail(response));
            default ->
                new CrowdinException(
                        ErrorCategory.INTERNAL,
                        status,
                        "unexpected HTTP " + status + " from Crowdin to " + call.action() + detail(response));
        };
    }

    private CrowdinException unexpected(Call call, String what) {
        return new CrowdinException(
                ErrorCategory.UNAVAILABLE,
                200,
                "Crowdin answered " + what + " to " + call.action() + " (is base_url " + api + " a Crowdin API?)");
    }

    /** Crowdin's own explanation: {@code {"error":{"message"}}} or the field errors of {@code {"errors":[...]}}. */
    private static String detail(HttpResponse<byte[]> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            List<String> messages = new ArrayList<>();
            String single = body.path("error").path("message").asString("");
            if (!single.isBlank()) {
                messages.add(single);
            }
            for (JsonNode error : body.path("errors")) {
                JsonNode inner = error.path("error");
                String key = inner.path("key").asString("");
                for (JsonNode e : inner.path("errors")) {
                    messages.add((key.isEmpty() ? "" : key + ": ")
                            + e.path("message").asString(e.path("code").asString("")));
                }
            }
            return messages.isEmpty() ? "" : ": " + String.join("; ", messages);
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Retry-After in seconds (Crowdin's form) or as an HTTP date, capped at the settings' longest backoff. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            Duration wait;
            try {
                wait = Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                try {
                    java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(
                            value.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    wait = Duration.between(java.time.ZonedDateTime.now(at.getZone()), at);
                } catch (java.time.format.DateTimeParseException unparsable) {
                    return Optional.empty();
                }
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
            return Optional.of(wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait);
        });
    }

    void pause(Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrowdinException(ErrorCategory.UNAVAILABLE, 0, "interrupted while waiting for Crowdin", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException && (message == null || message.isBlank())) {
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String target(HttpRequest request) {
        return redacted(request.uri());
    }

    /** The URL without its query, which for pre-signed URLs holds credentials. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
