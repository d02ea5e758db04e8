package com.makcrm.core.field;

/** One choice of a SELECT or MULTI_SELECT field: the stored value, what people see, an optional color. */
public record SelectOption(String value, String label, String color) {}
