package com.makcrm.server.api;

/**
 * The version a write must find, from the request's required {@code If-Match} header (the ETag of a GET). A handler
 * that takes one refuses the write with 428 when the header is missing, 400 when it is not a version; the API docs
 * list the header as required ({@code ops.OpenApiConfiguration}).
 */
public record ExpectedVersion(int value) {}
