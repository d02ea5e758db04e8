package com.makcrm.server.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Stable operation ids from method and path, for generated clients: {@code GET /api/v1/companies/{id}/timeline} is
 * {@code getCompaniesByIdTimeline}, {@code POST /api/v1/pipelines/{id}/stages} is {@code postPipelinesByIdStages}.
 * springdoc's own are Java method names with counters ({@code list_6}), which change when controllers do.
 */
final class OperationIds implements OpenApiCustomizer {

    private static final String PREFIX = "/api/v1/";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operation.setOperationId(id(method, path))));
    }

    static String id(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                id.append("By").append(capitalized(segment.substring(1, segment.length() - 1)));
            } else {
                for (String word : segment.split("[-_.]")) {
                    id.append(capitalized(word));
                }
            }
        }
        return id.toString();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
