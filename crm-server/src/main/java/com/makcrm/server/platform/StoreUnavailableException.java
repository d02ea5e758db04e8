package com.makcrm.server.platform;

/** A shared store (Redis) did not answer; what it guards cannot be decided right now. */
final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
