package com.makcrm.server.platform;

import java.time.Duration;

/**
 * Remembers which idempotency keys were used, for which request, and what they were answered. A key is first
 * reserved by one request (and only one, however many arrive at once), then either completed with the response or
 * released so that a retry runs again.
 */
interface IdempotencyStore {

    /**
     * Reserves {@code key} for a request with this fingerprint, unless the key is already in use.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Reservation reserve(String key, String fingerprint);

    /** Keeps the response of a reserved key for replay, unless the reservation was lost (expired) meanwhile. */
    void complete(Reservation.Acquired reservation, StoredResponse response);

    /** Frees a reserved key, unless the reservation was lost meanwhile. */
    void release(Reservation.Acquired reservation);

    /** What {@link #reserve} found. */
    sealed interface Reservation {

        /** The key is now this request's; {@code owner} tells this reservation from any later one of the key. */
        record Acquired(String key, String fingerprint, String owner) implements Reservation {}

        /** Another request with the key is still running. */
        record InFlight(String fingerprint) implements Reservation {}

        /** A request with the key finished with this response. */
        record Completed(String fingerprint, StoredResponse response) implements Reservation {}
    }

    /** How long keys are kept. */
    record Timeouts(Duration inFlight, Duration completed) {

        static Timeouts of(IdempotencyProperties properties) {
            return new Timeouts(properties.inFlightTimeout(), properties.ttl());
        }
    }
}
