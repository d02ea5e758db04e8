package com.makcrm.server.api;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.pipeline.PipelineService;
import com.makcrm.core.pipeline.PipelineView;
import com.makcrm.server.api.ApiViews.DataResponse;
import com.makcrm.server.api.PipelineApi.NewPipelineRequest;
import com.makcrm.server.api.PipelineApi.NewStageRequest;
import com.makcrm.server.api.PipelineApi.RenameRequest;
import com.makcrm.server.api.PipelineApi.StageChangeRequest;
import com.makcrm.server.api.PipelineApi.StageOrderRequest;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales pipelines and their stages. Anyone may read them; changing them is schema work, for ADMIN and OWNER (see
 * SecurityConfiguration). Every change names the version it was made against in {@code If-Match}; answers carry the
 * pipeline's version as their ETag.
 */
@RestController
@Tag(name = "Pipelines")
@RequestMapping("/api/v1/pipelines")
class PipelineController {

    private static final String PATCH_TYPES = "application/merge-patch+json";

    private final PipelineService pipelines;
    private final TenantScopes scopes;

    PipelineController(PipelineService pipelines, TenantScopes scopes) {
        this.pipelines = pipelines;
        this.scopes = scopes;
    }

    @GetMapping
    DataResponse<PipelineView> list(@AuthenticationPrincipal CrmPrincipal principal) {
        return new DataResponse<>(pipelines.list(scopes.of(principal)));
    }

    @GetMapping("/{id}")
    ResponseEntity<PipelineView> get(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return answer(pipelines.get(scopes.of(principal), id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PipelineView> create(
            @AuthenticationPrincipal CrmPrincipal principal, @RequestBody NewPipelineRequest body) {
        PipelineView created = pipelines.create(scopes.of(principal), body.name(), body.newStages());
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + created.id()))
                .eTag(Preconditions.etag(created.version()))
                .body(created);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, PATCH_TYPES})
    ResponseEntity<PipelineView> rename(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            ExpectedVersion expected,
            @RequestBody RenameRequest body) {
        return answer(pipelines.rename(scopes.of(principal), id, expected.value(), body.name()));
    }

    /** Makes this pipeline the one new opportunities land in when they name none. */
    @PostMapping("/{id}/default")
    ResponseEntity<PipelineView> makeDefault(
            @AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id, ExpectedVersion expected) {
        return answer(pipelines.setDefault(scopes.of(principal), id, expected.value()));
    }

    /** Deletes a pipeline that is not the default and that no opportunity uses (a 409 says which it is). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id, ExpectedVersion expected) {
        pipelines.delete(scopes.of(principal), id, expected.value());
        return ResponseEntity.noContent().build();
    }

    /** Adds a stage at {@code position} (0 = first) or last; the answer is the whole pipeline. */
    @PostMapping(path = "/{id}/stages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PipelineView> addStage(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            ExpectedVersion expected,
            @RequestBody NewStageRequest body) {
        return answer(
                pipelines.addStage(scopes.of(principal), id, expected.value(), body.toNewStage(), body.position()));
    }

    /** Changes a stage; a new key is carried over to the opportunities in it. */
    @PatchMapping(
            path = "/{id}/stages/{key}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, PATCH_TYPES})
    ResponseEntity<PipelineView> updateStage(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @PathVariable String key,
            ExpectedVersion expected,
            @RequestBody StageChangeRequest body) {
        return answer(pipelines.updateStage(scopes.of(principal), id, expected.value(), key, body.toStageChange()));
    }

    @PutMapping(path = "/{id}/stages/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PipelineView> reorderStages(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            ExpectedVersion expected,
            @RequestBody StageOrderRequest body) {
        try {
            return answer(pipelines.reorderStages(scopes.of(principal), id, expected.value(), body.keys()));
        } catch (CrmException e) {
            throw inBodyTerms(e);
        }
    }

    /**
     * Removes a stage no opportunity is in (deleted ones included; a 409 gives the count: move them first) and that
     * is not the pipeline's last. The answer is the pipeline without it.
     */
    @DeleteMapping("/{id}/stages/{key}")
    ResponseEntity<PipelineView> removeStage(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @PathVariable String key,
            ExpectedVersion expected) {
        return answer(pipelines.removeStage(scopes.of(principal), id, expected.value(), key));
    }

    private static ResponseEntity<PipelineView> answer(PipelineView view) {
        return ResponseEntity.ok().eTag(Preconditions.etag(view.version())).body(view);
    }

    /** crm-core names the key list {@code stageKeys}; the body calls it {@code keys}. */
    private static CrmException inBodyTerms(CrmException e) {
        if (e.category() != ErrorCategory.INVALID
                || e.fieldErrors().stream().noneMatch(f -> f.field().equals("stageKeys"))) {
            return e;
        }
        return CrmException.invalidFields(e.fieldErrors().stream()
                .map(f -> f.field().equals("stageKeys") ? renamed(f, "keys") : f)
                .toList());
    }

    /** The error against {@code field} instead; its {@code {field}} argument is renamed with it. */
    private static FieldError renamed(FieldError f, String field) {
        if (f.localized() == null || !f.args().containsKey("field")) {
            return new FieldError(field, f.message().replaceFirst("^" + Pattern.quote(f.field()) + ":", field + ":"));
        }
        Map<String, Object> args = new LinkedHashMap<>(f.args());
        args.put("field", field);
        return FieldError.of(field, f.localized(), args);
    }
}
