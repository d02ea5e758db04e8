package com.makcrm.server.api;

import com.makcrm.core.CrmCore;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.FieldChange;
import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.field.FieldDefinitionService;
import com.makcrm.core.field.NewField;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.server.api.ApiViews.DataResponse;
import com.makcrm.server.api.FieldApi.FieldChangeRequest;
import com.makcrm.server.api.FieldApi.NewFieldRequest;
import com.makcrm.server.api.FieldApi.OptionRequest;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Custom field definitions of company, person and opportunity, addressed as {@code /{object}/{name}}. Anyone may
 * read them; changing them is for ADMIN and OWNER (SecurityConfiguration). Answers carry the field's version as their
 * ETag, and a change names it in {@code If-Match}.
 */
@RestController
@Tag(name = "Custom fields")
@RequestMapping("/api/v1/metadata/fields")
class FieldController {

    private static final List<String> OBJECTS =
            FieldDefinitionService.OBJECTS.stream().sorted().toList();
    private static final List<String> TYPES =
            Arrays.stream(CustomFieldType.values()).map(Enum::name).toList();

    private final FieldDefinitionService fields;
    private final TenantScopes scopes;
    private final JsonMapper json;

    FieldController(CrmCore core, TenantScopes scopes, JsonMapper json) {
        this.fields = core.fields();
        this.scopes = scopes;
        this.json = json;
    }

    /** The fields of one object, or of every object (by object, then display order) when none is named. */
    @GetMapping
    DataResponse<FieldDefinition> list(
            @AuthenticationPrincipal CrmPrincipal principal,
            @RequestParam(name = "object", required = false) String object) {
        String schema = scopes.of(principal).schema();
        if (object == null) {
            return new DataResponse<>(OBJECTS.stream()
                    .flatMap(o -> fields.list(schema, o).stream())
                    .toList());
        }
        List<FieldError> errors = new ArrayList<>();
        checkObject(object, errors);
        throwIfAny(errors);
        return new DataResponse<>(fields.list(schema, object));
    }

    @GetMapping("/{object}/{name}")
    ResponseEntity<FieldDefinition> get(
            @AuthenticationPrincipal CrmPrincipal principal, @PathVariable String object, @PathVariable String name) {
        return answer(fields.get(scopes.of(principal).schema(), object, name));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FieldDefinition> create(
            @AuthenticationPrincipal CrmPrincipal principal, @RequestBody NewFieldRequest body) {
        String schema = scopes.of(principal).schema();
        List<FieldError> errors = new ArrayList<>();
        checkObject(body.object(), errors);
        CustomFieldType type = type(body.type(), errors);
        FieldError typeError = errors.stream()
                .filter(e -> e.field().equals("type"))
                .findFirst()
                .orElse(null);
        if (errors.stream().anyMatch(e -> e.field().equals("object"))) {
            throw CrmException.invalidFields(errors); // crm-core checks nothing else without an object
        }
        NewField field = new NewField(
                body.object(),
                body.name(),
                body.label(),
                type,
                Boolean.TRUE.equals(body.required()),
                body.defaultValue(),
                OptionRequest.toOptions(body.options()),
                body.position());
        FieldDefinition created;
        try {
            created = fields.create(schema, field);
        } catch (CrmException e) {
            throw typeError == null ? e : withTypeError(e, typeError);
        }
        return ResponseEntity.created(URI.create("/api/v1/metadata/fields/" + created.object() + "/" + created.name()))
                .eTag(Preconditions.etag(created.version()))
                .body(created);
    }

    @PatchMapping(
            path = "/{object}/{name}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<FieldDefinition> update(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable String object,
            @PathVariable String name,
            ExpectedVersion expected,
            @RequestBody FieldChangeRequest body) {
        JsonNode defaultValue = body.defaultValue();
        boolean clearDefault = defaultValue != null && defaultValue.isNull();
        FieldChange change = new FieldChange(
                body.label(),
                body.required(),
                defaultValue == null || clearDefault ? null : json.treeToValue(defaultValue, Object.class),
                clearDefault,
                OptionRequest.toOptions(body.options()),
                body.position());
        return answer(fields.update(scopes.of(principal).schema(), object, name, expected.value(), change));
    }

    /**
     * Removes the definition; stored values stay but are no longer read. crm-core deletes without a version, so an
     * {@code If-Match}, when sent, is checked just before.
     */
    @DeleteMapping("/{object}/{name}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal CrmPrincipal principal,
            @PathVariable String object,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String schema = scopes.of(principal).schema();
        Integer expected = Preconditions.ifMatch(ifMatch);
        if (expected != null) {
            int current = fields.get(schema, object, name).version();
            if (current != expected) {
                throw CrmException.conflict(
                        RecordMessages.FIELD_STALE_VERSION_RETRY,
                        Map.of(
                                "object",
                                object,
                                "name",
                                name,
                                "current",
                                String.valueOf(current),
                                "expected",
                                String.valueOf(expected)));
            }
        }
        fields.delete(schema, object, name);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<FieldDefinition> answer(FieldDefinition field) {
        return ResponseEntity.ok().eTag(Preconditions.etag(field.version())).body(field);
    }

    private static void checkObject(String object, List<FieldError> errors) {
        if (object == null || !OBJECTS.contains(object)) {
            errors.add(FieldError.of(
                    "object",
                    RecordMessages.FIELD_OBJECT_REQUIRED,
                    Map.of(
                            "field",
                            "object",
                            "objects",
                            OBJECTS.toString(),
                            "sent",
                            object == null ? "none" : "value",
                            "value",
                            object == null ? "" : shortened(object))));
        }
    }

    /** The type by its exact name; an unknown one is recorded with the list of types. */
    private static CustomFieldType type(String name, List<FieldError> errors) {
        if (name == null) {
            return null; // crm-core reports it as required
        }
        if (!TYPES.contains(name)) {
            errors.add(FieldError.of(
                    "type",
                    RecordMessages.FIELD_TYPE_UNKNOWN,
                    Map.of("field", "type", "value", shortened(name), "types", TYPES.toString())));
            return null;
        }
        return CustomFieldType.valueOf(name);
    }

    /** crm-core saw no type and said it is required; the client sent one, so say what was wrong with it. */
    private static CrmException withTypeError(CrmException e, FieldError typeError) {
        if (e.category() != ErrorCategory.INVALID || e.fieldErrors().isEmpty()) {
            return e;
        }
        List<FieldError> errors = new ArrayList<>(e.fieldErrors().stream()
                .map(f -> f.field().equals("type") ? typeError : f)
                .distinct()
                .toList());
        if (!errors.contains(typeError)) {
            errors.add(typeError);
        }
        return CrmException.invalidFields(errors);
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw CrmException.invalidFields(errors);
        }
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
