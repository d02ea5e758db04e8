package com.makcrm.server.api;

import com.makcrm.core.CrmCore;
import com.makcrm.core.search.SearchHit;
import com.makcrm.server.api.ApiViews.DataResponse;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search across companies, people and opportunities: substring matches first, then typo-tolerant ones, best
 * first. {@code objects} narrows it (comma-separated: person, company, opportunity).
 */
@RestController
@Tag(name = "Search")
class SearchController {

    static final int DEFAULT_LIMIT = 20;

    private final CrmCore core;
    private final TenantScopes scopes;

    SearchController(CrmCore core, TenantScopes scopes) {
        this.core = core;
        this.scopes = scopes;
    }

    @GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    DataResponse<SearchHit> search(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam String q,
            @RequestParam(required = false) String objects,
            @RequestParam(required = false) Integer limit) {
        Set<String> chosen = new LinkedHashSet<>();
        if (objects != null) {
            Arrays.stream(objects.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(chosen::add);
        }
        return new DataResponse<>(
                core.search().search(scopes.of(principal), q, chosen, limit == null ? DEFAULT_LIMIT : limit));
    }
}
