package com.makcrm.core.field;

import java.util.List;

/** A partial update of a custom field: null members stay as they are. The type and name never change. */
public record FieldChange(
        String label,
        Boolean required,
        Object defaultValue,
        boolean clearDefault,
        List<SelectOption> options,
        Integer position) {}
