package com.makcrm.server.ops;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents what every operation can answer besides its success: problem responses by rule (below), the
 * {@code X-Request-Id} header, and whether the operation needs a bearer credential. Responses an operation
 * declares itself ({@code @ApiResponse}) are kept.
 *
 * <table>
 *   <caption>Which problem responses an operation gets</caption>
 *   <tr><th>status</th><th>operations</th></tr>
 *   <tr><td>400, 429, 500, 503</td><td>all</td></tr>
 *   <tr><td>401, 403</td><td>all but {@code /api/v1/auth/**}; 401 also for login and refresh (wrong credentials)</td></tr>
 *   <tr><td>404</td><td>paths with a path variable (an id)</td></tr>
 *   <tr><td>409</td><td>POST, PUT, PATCH, DELETE</td></tr>
 *   <tr><td>413, 415</td><td>operations with a request body</td></tr>
 *   <tr><td>428</td><td>operations whose {@code If-Match} is required (the write is refused without it)</td></tr>
 * </table>
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String REQUEST_ID = "X-Request-Id";

    private static final String PUBLIC_PATHS = "/api/v1/auth/";
    /** Public operations that check a credential of their own (a password, a refresh token). */
    private static final Set<String> CREDENTIAL_CHECKS = Set.of("/api/v1/auth/login", "/api/v1/auth/refresh");

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        ModelConverters.getInstance(true).readAll(ProblemSchema.class).forEach(components::addSchemas);
        components
                .addHeaders(REQUEST_ID, requestIdHeader())
                .addHeaders(
                        "WWW-Authenticate",
                        new Header()
                                .description("The bearer challenge (RFC 6750), e.g. `Bearer realm=\"makcrm\"`")
                                .schema(new StringSchema()))
                .addHeaders(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait before trying again")
                                .schema(new IntegerSchema()))
                .addParameters(REQUEST_ID, requestIdParameter());
        for (Answer answer : Answer.values()) {
            components.addResponses(answer.name(), answer.response());
        }
        if (api.getPaths() != null) {
            api.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> document(path, method, operation)));
        }
    }

    private static void document(String path, HttpMethod method, Operation operation) {
        boolean isPublic = path.startsWith(PUBLIC_PATHS);
        if (!isPublic) {
            operation.addSecurityItem(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
        }
        if (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(p -> REQUEST_ID.equalsIgnoreCase(p.getName()))) {
            operation.addParametersItem(new Parameter().$ref(REQUEST_ID));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        responses.values().stream()
                .filter(r -> r.get$ref() == null)
                .forEach(r -> r.addHeaderObject(REQUEST_ID, new Header().$ref(REQUEST_ID)));

        add(responses, Answer.BadRequest);
        if (!isPublic) {
            add(responses, Answer.Unauthorized);
            add(responses, Answer.Forbidden);
        } else if (CREDENTIAL_CHECKS.contains(path)) {
            add(responses, Answer.WrongCredentials);
        }
        if (path.contains("{")) {
            add(responses, Answer.NotFound);
        }
        if (WRITES.contains(method)) {
            add(responses, Answer.Conflict);
        }
        if (operation.getRequestBody() != null) {
            add(responses, Answer.PayloadTooLarge);
            add(responses, Answer.UnsupportedMediaType);
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p ->
                                "If-Match".equalsIgnoreCase(p.getName()) && Boolean.TRUE.equals(p.getRequired()))) {
            add(responses, Answer.PreconditionRequired);
        }
        add(responses, Answer.RateLimited);
        add(responses, Answer.InternalError);
        add(responses, Answer.Unavailable);
    }

    private static void add(ApiResponses responses, Answer answer) {
        responses.putIfAbsent(answer.status, new ApiResponse().$ref(answer.name()));
    }

    private static Header requestIdHeader() {
        return new Header()
                .description("The request's id: the caller's X-Request-Id when it was a plain token, else a new one."
                        + " It is also in the server's log lines and in problem bodies.")
                .schema(new StringSchema());
    }

    private static Parameter requestIdParameter() {
        return new Parameter()
                .in("header")
                .name(REQUEST_ID)
                .required(false)
                .description("An id of your own for this request (e.g. from a proxy), echoed in the response; "
                        + "anything else than 1-128 of A-Z a-z 0-9 . _ : - is replaced by a new id")
                .schema(new StringSchema().maxLength(128).pattern("^[A-Za-z0-9._:-]{1,128}$"));
    }

    /** The reusable problem responses ({@code #/components/responses/<name>}). */
    private enum Answer {
        BadRequest("400", "The request is malformed or its input is invalid; `errors` names every bad field."),
        Unauthorized(
                "401",
                "No credential, or the access token or API key is invalid, expired or revoked.",
                "WWW-Authenticate"),
        WrongCredentials("401", "The email and password, or the refresh token, are wrong.", "WWW-Authenticate"),
        Forbidden("403", "The caller's role does not allow this request."),
        NotFound("404", "There is no such resource in the caller's tenant."),
        Conflict("409", "The request conflicts with the current state (already exists, stale version, in use)."),
        PayloadTooLarge("413", "The request body is larger than the server accepts."),
        UnsupportedMediaType("415", "The request body's Content-Type is not accepted here."),
        PreconditionRequired(
                "428",
                "The write needs If-Match with the version last read (the ETag of a GET), e.g. If-Match: \"3\"."),
        RateLimited("429", "Too many requests; wait as long as Retry-After says.", "Retry-After"),
        InternalError("500", "An unexpected error; the detail gives a reference to quote when reporting it."),
        Unavailable("503", "A service the request needs (database, cache, storage) is unavailable; retry later.");

        final String status;
        final String description;
        final String header;

        Answer(String status, String description) {
            this(status, description, null);
        }

        Answer(String status, String description, String header) {
            this.status = status;
            this.description = description;
            this.header = header;
        }

        ApiResponse response() {
            Schema<?> problem = new Schema<>().$ref("Problem");
            ApiResponse response = new ApiResponse()
                    .description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)))
                    .addHeaderObject(REQUEST_ID, new Header().$ref(REQUEST_ID));
            if (header != null) {
                response.addHeaderObject(header, new Header().$ref(header));
            }
            return response;
        }
    }
}
