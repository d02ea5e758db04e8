package com.makcrm.core.error;

/** One invalid input field: its path as the caller named it (e.g. {@code emails.primary}, {@code custom.tier}). */
public record FieldError(String field, String message) {}
