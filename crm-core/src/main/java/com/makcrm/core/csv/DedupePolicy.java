package com.makcrm.core.csv;

/**
 * What an import does with a row that matches an existing record (person by email, company by domain):
 * {@code SKIP} leaves the record alone, {@code UPDATE} writes the row's columns onto it, {@code FAIL} reports the
 * row as an error.
 */
public enum DedupePolicy {
    SKIP,
    UPDATE,
    FAIL
}
