package com.makcrm.server.embedded;

/** The embedded database could not start; the message says why and what to do. */
final class EmbeddedDatabaseException extends IllegalStateException {

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    EmbeddedDatabaseException(String message) {
        super(message);
    }
}
