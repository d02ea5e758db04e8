package com.makcrm.server.admin;

import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.ApiKey;
import com.makcrm.core.access.ApiKeyService;
import com.makcrm.server.admin.AdminApi.ApiKeyView;
import com.makcrm.server.admin.AdminApi.CreatedApiKeyView;
import com.makcrm.server.admin.AdminApi.ListResponse;
import com.makcrm.server.admin.AdminApi.NewApiKeyRequest;
import com.makcrm.server.auth.CrmPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the caller's tenant (ADMIN and OWNER; the tenant comes from the credential). */
@RestController
@Tag(name = "Admin: API keys")
@RequestMapping("/api/v1/admin/api-keys")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(AccessServices access) {
        this.keys = access.apiKeys();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedApiKeyView> create(
            @AuthenticationPrincipal CrmPrincipal principal, @RequestBody NewApiKeyRequest body) {
        ApiKeyService.Created created = keys.create(principal.actor(), body.name(), body.role());
        ApiKey k = created.key();
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + k.id()))
                .body(new CreatedApiKeyView(
                        k.id(), k.name(), k.prefix(), k.role().name(), k.createdBy(), k.createdAt(), created.token()));
    }

    @GetMapping
    ListResponse<ApiKeyView> list(@AuthenticationPrincipal CrmPrincipal principal) {
        return new ListResponse<>(
                keys.list(principal.actor()).stream().map(ApiKeyView::of).toList());
    }

    @GetMapping("/{id}")
    ApiKeyView get(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return ApiKeyView.of(keys.get(principal.actor(), id));
    }

    /** Revokes at once: the next request with the key is refused. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        keys.revoke(principal.actor(), id);
    }
}
