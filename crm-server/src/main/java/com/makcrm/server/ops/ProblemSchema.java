package com.makcrm.server.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.net.URI;
import java.util.List;

/**
 * The shape of every error body, for the API document only: the server builds its problems with Spring's
 * {@code ProblemDetail} (see {@code com.makcrm.server.problem.Problems}).
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json")
record ProblemSchema(
        @Schema(
                description = "Stable identifier of the kind of error; clients may switch on it",
                example = "https://makcrm.dev/problems/invalid",
                requiredMode = RequiredMode.REQUIRED)
        URI type,

        @Schema(
                description = "Short summary of the kind of error, in the language Accept-Language prefers (en, ru)",
                example = "Invalid request")
        String title,

        @Schema(description = "The HTTP status code", example = "400", requiredMode = RequiredMode.REQUIRED)
        int status,

        @Schema(
                description = "What went wrong with this request, written for the client",
                example = "name: must not be blank")
        String detail,

        @Schema(description = "The request path", format = "uri-reference", example = "/api/v1/admin/api-keys")
        URI instance,

        @Schema(
                description = "The request's id, as in the X-Request-Id header and the server's logs",
                example = "3f0c9c3e-8d8a-4c57-9a55-0e2b7c1f6a10")
        String requestId,

        @Schema(description = "For invalid input: every bad field")
        List<FieldProblem> errors) {

    @Schema(name = "FieldProblem", description = "One bad field of a request")
    record FieldProblem(
            @Schema(
                    description = "Path of the field in the request",
                    example = "emails.primary",
                    requiredMode = RequiredMode.REQUIRED)
            String field,

            @Schema(
                    description = "What is wrong with it",
                    example = "'x' is not a valid email address",
                    requiredMode = RequiredMode.REQUIRED)
            String message) {}
}
