package com.makcrm.server.api;

import com.makcrm.core.CrmCore;
import com.makcrm.core.attachment.Attachment;
import com.makcrm.core.csv.DedupePolicy;
import com.makcrm.core.csv.ImportOptions;
import com.makcrm.core.csv.ImportReport;
import com.makcrm.core.csv.RowError;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.query.PageRequest;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.timeline.TimelineEvent;
import com.makcrm.server.api.ApiViews.DataResponse;
import com.makcrm.server.api.ApiViews.PageInfo;
import com.makcrm.server.api.ApiViews.PageResponse;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.problem.ProblemLanguage;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The endpoints every CRM object collection has ({@code /api/v1/companies}, {@code /people}, ...). One subclass per
 * object in {@link RecordControllers} gives each its own paths and its own section of the API docs.
 *
 * <p>Records are JSON objects with camelCase fields, {@code id}, {@code version}, custom field values under
 * {@code custom} and audit fields. A record's version is its ETag; writes take it back in {@code If-Match}.
 */
abstract class RecordController {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int DEFAULT_TIMELINE_PAGE = 50;

    private final ProblemLanguage language;
    private final ObjectKind kind;
    private final CrmCore core;
    private final RecordService records;
    private final TenantScopes scopes;

    RecordController(ObjectKind kind, CrmCore core, TenantScopes scopes, ProblemLanguage language) {
        this.language = language;
        this.kind = kind;
        this.core = core;
        this.records = core.records();
        this.scopes = scopes;
    }

    /** Bulk create: {@code records} are created in one transaction; any invalid one fails them all. */
    record BulkCreateRequest(List<Map<String, Object>> records) {}

    /** Bulk update: each change names a record, the version it was read at, and the fields to change. */
    record BulkUpdateRequest(List<ChangeRequest> changes) {}

    record ChangeRequest(UUID id, Integer version, Map<String, Object> patch) {}

    /** A timeline event as the API shows it. */
    record TimelineEventView(UUID id, Instant occurredAt, String actor, String action, Map<String, Object> diff) {
        static TimelineEventView of(TimelineEvent e) {
            return new TimelineEventView(
                    e.id(), e.occurredAt(), e.actor(), e.action().name(), e.diff());
        }
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PageResponse<Map<String, Object>> list(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false, defaultValue = "false") boolean includeDeleted) {
        TenantScope scope = scopes.of(principal);
        return PageResponse.of(
                records.list(scope, kind, new PageRequest(filter, order, cursor, limit, includeDeleted)),
                CrmRecord::fields);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), records.get(scopes.of(principal), kind, id));
    }

    /**
     * Creates a record: 201 with {@code Location} and the record. {@code onDuplicate=update} turns a create that
     * matches an existing record (a person by email, a company by domain) into an update of it (200).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam(required = false, defaultValue = "fail") String onDuplicate,
            @RequestBody Map<String, Object> body) {
        RecordService.Created created = records.create(scopes.of(principal), kind, body, writeOptions(onDuplicate));
        CrmRecord r = created.record();
        ResponseEntity.BodyBuilder answer =
                created.created() ? ResponseEntity.created(location(r.id())) : ResponseEntity.ok();
        return withEtag(answer, r);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> update(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            ExpectedVersion expected,
            @RequestBody Map<String, Object> patch) {
        return withEtag(ResponseEntity.ok(), records.update(scopes.of(principal), kind, id, expected.value(), patch));
    }

    /** Soft delete: the record leaves lists and search, and comes back with {@code POST /{id}/restore}. */
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> delete(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(
                ResponseEntity.ok(), records.delete(scopes.of(principal), kind, id, Preconditions.ifMatch(ifMatch)));
    }

    @PostMapping(path = "/{id}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> restore(
            @AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), records.restore(scopes.of(principal), kind, id));
    }

    @PostMapping(
            path = "/bulk",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DataResponse<Map<String, Object>>> bulkCreate(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam(required = false, defaultValue = "fail") String onDuplicate,
            @RequestBody BulkCreateRequest body) {
        if (body.records() == null) {
            throw CrmException.invalidFields(
                    List.of(FieldError.of("records", RecordMessages.LIST_REQUIRED, Map.of("field", "records"))));
        }
        List<RecordService.Created> created =
                records.bulkCreate(scopes.of(principal), kind, body.records(), writeOptions(onDuplicate));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new DataResponse<>(
                        created.stream().map(c -> c.record().fields()).toList()));
    }

    @PatchMapping(
            path = "/bulk",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH},
            produces = MediaType.APPLICATION_JSON_VALUE)
    DataResponse<Map<String, Object>> bulkUpdate(
            @AuthenticationPrincipal CrmPrincipal principal, @RequestBody BulkUpdateRequest body) {
        if (body.changes() == null) {
            throw CrmException.invalidFields(
                    List.of(FieldError.of("changes", RecordMessages.LIST_REQUIRED, Map.of("field", "changes"))));
        }
        List<FieldError> errors = new ArrayList<>();
        List<RecordService.Change> changes = new ArrayList<>();
        for (int i = 0; i < body.changes().size(); i++) {
            ChangeRequest c = body.changes().get(i);
            String at = "changes[" + i + "]";
            if (c == null || c.id() == null || c.version() == null || c.patch() == null) {
                errors.add(FieldError.of(at, RecordMessages.BULK_CHANGE_INCOMPLETE, Map.of("field", at)));
            } else {
                changes.add(new RecordService.Change(c.id(), c.version(), c.patch()));
            }
        }
        if (!errors.isEmpty()) {
            throw CrmException.invalidFields(errors);
        }
        return new DataResponse<>(records.bulkUpdate(scopes.of(principal), kind, changes).stream()
                .map(CrmRecord::fields)
                .toList());
    }

    /** The record's changes, newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @GetMapping(path = "/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    PageResponse<TimelineEventView> timeline(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID cursor,
            @RequestParam(required = false) Integer limit) {
        TenantScope scope = scopes.of(principal);
        records.get(scope, kind, id); // 404 for ids this tenant does not have
        int size = limit == null ? DEFAULT_TIMELINE_PAGE : limit;
        if (size < 1 || size > com.makcrm.core.timeline.Timeline.MAX_PAGE) {
            throw CrmException.invalidFields(List.of(FieldError.of(
                    "limit",
                    RecordMessages.NOT_BETWEEN,
                    Map.of(
                            "field",
                            "limit",
                            "min",
                            "1",
                            "max",
                            String.valueOf(com.makcrm.core.timeline.Timeline.MAX_PAGE)))));
        }
        List<TimelineEvent> events = core.timeline().list(scope, kind.apiName(), id, cursor, size + 1);
        boolean more = events.size() > size;
        List<TimelineEvent> page = more ? events.subList(0, size) : events;
        String next = more ? page.get(page.size() - 1).id().toString() : null;
        return new PageResponse<>(page.stream().map(TimelineEventView::of).toList(), new PageInfo(next, more));
    }

    /**
     * Imports a CSV file (multipart field {@code file}) and answers the per-row report. {@code onDuplicate}: fail
     * (report the row), skip or update; {@code atomic=true} imports nothing when any row fails.
     */
    @PostMapping(
            path = "/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport importCsv(
            HttpServletRequest request,
            HttpServletResponse response,
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false, defaultValue = "fail") String onDuplicate,
            @RequestParam(required = false, defaultValue = "false") boolean atomic,
            @RequestParam(required = false, defaultValue = "false") boolean ignoreUnknownColumns) {
        TenantScope scope = scopes.of(principal);
        ImportOptions options = new ImportOptions(Map.of(), dedupe(onDuplicate), atomic, ignoreUnknownColumns);
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = core.csvImport().importCsv(scope, kind, in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded CSV failed", e);
        }
        return inLanguageOf(request, response, report);
    }

    /** The report with each row error's message in the request's language (as problems are). */
    private ImportReport inLanguageOf(HttpServletRequest request, HttpServletResponse response, ImportReport report) {
        Locale locale = language.of(request);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        List<RowError> errors = report.errors().stream()
                .map(e -> new RowError(e.line(), e.field(), e.describe(language.messages(), locale), e.problems()))
                .toList();
        return new ImportReport(
                report.rows(),
                report.created(),
                report.updated(),
                report.skipped(),
                report.failed(),
                report.rolledBack(),
                errors,
                report.duration());
    }

    /** Streams every matching record as CSV (UTF-8, CRLF), however many there are. */
    @GetMapping(path = "/export", produces = "text/csv")
    @ApiResponse(
            responseCode = "200",
            description = "The records as CSV: a header line, then one line per record",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> exportCsv(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String order,
            @RequestParam(required = false, defaultValue = "false") boolean includeDeleted) {
        TenantScope scope = scopes.of(principal);
        // a bad filter or order must fail as a 400 before the 200 and the first CSV line go out
        records.list(scope, kind, new PageRequest(filter, order, null, 1, includeDeleted));
        StreamingResponseBody body = out -> core.csvExport().export(scope, kind, filter, order, includeDeleted, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(kind.plural() + ".csv")
                                .build()
                                .toString())
                .body(body);
    }

    /** Files attached to the record. */
    @GetMapping(path = "/{id}/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
    DataResponse<Attachment> attachments(@AuthenticationPrincipal CrmPrincipal principal, @PathVariable UUID id) {
        TenantScope scope = scopes.of(principal);
        records.get(scope, kind, id);
        return new DataResponse<>(core.attachments().list(scope, kind, id));
    }

    /** Attaches a file (multipart field {@code file}), streamed into object storage. */
    @PostMapping(
            path = "/{id}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Attachment> attach(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file) {
        TenantScope scope = scopes.of(principal);
        try (InputStream in = file.getInputStream()) {
            Attachment a = core.attachments()
                    .upload(scope, kind, id, file.getOriginalFilename(), file.getContentType(), file.getSize(), in);
            return ResponseEntity.created(URI.create("/api/v1/attachments/" + a.id()))
                    .eTag(Preconditions.etag(a.version()))
                    .body(a);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }

    private URI location(UUID id) {
        return URI.create("/api/v1/" + kind.plural() + "/" + id);
    }

    private static ResponseEntity<Map<String, Object>> withEtag(ResponseEntity.BodyBuilder answer, CrmRecord r) {
        return answer.eTag(Preconditions.etag(r.version())).body(r.fields());
    }

    private static WriteOptions writeOptions(String onDuplicate) {
        return switch (onDuplicate.toLowerCase(Locale.ROOT)) {
            case "fail" -> WriteOptions.FAIL;
            case "update" -> WriteOptions.UPSERT;
            default -> throw badChoice("onDuplicate", onDuplicate, "fail, update");
        };
    }

    private static DedupePolicy dedupe(String onDuplicate) {
        return switch (onDuplicate.toLowerCase(Locale.ROOT)) {
            case "fail" -> DedupePolicy.FAIL;
            case "skip" -> DedupePolicy.SKIP;
            case "update" -> DedupePolicy.UPDATE;
            default -> throw badChoice("onDuplicate", onDuplicate, "fail, skip, update");
        };
    }

    static CrmException badChoice(String parameter, String value, String choices) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return CrmException.invalidFields(List.of(FieldError.of(
                parameter, RecordMessages.NOT_ONE_OF, Map.of("field", parameter, "value", shown, "allowed", choices))));
    }
}
