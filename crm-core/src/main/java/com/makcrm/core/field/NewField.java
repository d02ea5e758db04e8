package com.makcrm.core.field;

import java.util.List;

/** What a caller asks for when adding a custom field. {@code label} defaults to the name. */
public record NewField(
        String object,
        String name,
        String label,
        CustomFieldType type,
        boolean required,
        Object defaultValue,
        List<SelectOption> options,
        Integer position) {}
