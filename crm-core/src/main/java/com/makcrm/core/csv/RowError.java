package com.makcrm.core.csv;

/** Why one CSV row was not imported. {@code line} is the 1-based line the row starts on (the header is line 1). */
public record RowError(long line, String field, String message) {}
