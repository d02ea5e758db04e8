package com.makcrm.server.api;

/** A write came without the {@code If-Match} it needs: 428 Precondition Required. */
public final class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
