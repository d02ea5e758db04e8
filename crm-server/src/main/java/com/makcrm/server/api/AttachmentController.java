package com.makcrm.server.api;

import com.makcrm.core.CrmCore;
import com.makcrm.core.attachment.Attachment;
import com.makcrm.core.attachment.AttachmentStream;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One attachment by id: its description, its content (streamed from object storage, checked against the SHA-256
 * recorded at upload), rename, soft delete and restore. Uploads and lists hang off the record:
 * {@code /api/v1/{objects}/{id}/attachments}.
 */
@RestController
@Tag(name = "Attachments")
@RequestMapping("/api/v1/attachments")
class AttachmentController {

    private final CrmCore core;
    private final TenantScopes scopes;

    AttachmentController(CrmCore core, TenantScopes scopes) {
        this.core = core;
        this.scopes = scopes;
    }

    record RenameRequest(String name) {}

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Attachment> get(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return withEtag(core.attachments().get(scopes.of(principal), id));
    }

    @GetMapping(path = "/{id}/content")
    @ApiResponse(
            responseCode = "200",
            description = "The file's bytes, with its content type, length and a download file name",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> content(
            @AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        TenantScope scope = scopes.of(principal);
        AttachmentStream stream = core.attachments().open(scope, id);
        Attachment a = stream.attachment();
        StreamingResponseBody body = out -> {
            try (stream) {
                stream.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .eTag(Preconditions.etag(a.version()))
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, RecordController.MERGE_PATCH},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Attachment> rename(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            ExpectedVersion expected,
            @RequestBody RenameRequest body) {
        if (body.name() == null) {
            throw CrmException.invalidFields(
                    List.of(FieldError.of("name", ValidationMessages.REQUIRED, Map.of("field", "name"))));
        }
        return withEtag(core.attachments().rename(scopes.of(principal), id, expected.value(), body.name()));
    }

    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Attachment> delete(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(core.attachments().delete(scopes.of(principal), id, Preconditions.ifMatch(ifMatch)));
    }

    @PostMapping(path = "/{id}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Attachment> restore(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return withEtag(core.attachments().restore(scopes.of(principal), id));
    }

    private static ResponseEntity<Attachment> withEtag(Attachment a) {
        return ResponseEntity.ok().eTag(Preconditions.etag(a.version())).body(a);
    }
}
