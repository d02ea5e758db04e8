package com.makcrm.server.ops;

import com.makcrm.server.api.ExpectedVersion;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI 3.1 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): name and version from the
 * build, one bearer scheme for access tokens and API keys, the problem responses every operation can give
 * ({@link ProblemResponses}), and the record collections' bodies and parameters per object ({@link RecordOperations}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    private static final String DESCRIPTION = """
            %s

            **Authentication**: send `Authorization: Bearer <token>` with either an access token (from \
            `POST /api/v1/auth/login`, `/signup` or `/refresh`) or an API key (`crm_<prefix>_<secret>`). \
            The tenant always comes from the credential. Only `/api/v1/auth/**` needs no credential.

            **Errors** are RFC 9457 `application/problem+json` (schema `Problem`) with a stable `type` URI, \
            field errors in `errors` and the request's `requestId`.

            **Request ids**: every response carries `X-Request-Id`, the caller's own when it sent a plain one \
            (up to 128 characters of `A-Z a-z 0-9 . _ : -`), else a new one; quote it when reporting a problem.""";

    @Bean
    OpenAPI crmOpenApi(ObjectProvider<BuildProperties> buildInfo) {
        BuildProperties build = buildInfo.getIfAvailable();
        String title = build == null ? "MaK-CRM server" : build.getName();
        String version = build == null ? "development" : build.getVersion();
        String summary =
                build == null || build.get("description") == null ? "The MaK-CRM REST API." : build.get("description");
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(DESCRIPTION.formatted(summary)))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT access token or API key")
                                        .description("An access token (15-minute JWT) or an API key"
                                                + " (crm_<prefix>_<secret>), both as 'Authorization: Bearer ...'")));
    }

    static {
        // an ExpectedVersion argument is the If-Match header, documented by requiredIfMatch(), not a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    /** Operations whose handler takes an {@link ExpectedVersion} refuse to run without {@code If-Match}. */
    @Bean
    OperationCustomizer requiredIfMatch() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == ExpectedVersion.class)) {
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.Parameter()
                        .in("header")
                        .name(HttpHeaders.IF_MATCH)
                        .required(true)
                        .description("the version last read (its ETag), e.g. \"3\"")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer operationIds() {
        return new OperationIds();
    }

    @Bean
    OpenApiCustomizer recordOperations() {
        return new RecordOperations();
    }
}
