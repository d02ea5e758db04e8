package com.makcrm.core.record;

/**
 * How a create treats an existing duplicate (a person with one of the emails, a company with the domain):
 * {@code FAIL} answers CONFLICT naming the existing record; {@code UPSERT} updates it with the input instead.
 */
public enum WriteOptions {
    FAIL,
    UPSERT
}
