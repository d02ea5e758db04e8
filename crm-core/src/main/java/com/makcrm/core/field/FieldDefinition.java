package com.makcrm.core.field;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's custom field on company, person or opportunity. */
public record FieldDefinition(
        UUID id,
        String object,
        String name,
        String label,
        CustomFieldType type,
        boolean required,
        Object defaultValue,
        List<SelectOption> options,
        int position,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public FieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean allows(String optionValue) {
        return options.stream().anyMatch(o -> o.value().equals(optionValue));
    }
}
