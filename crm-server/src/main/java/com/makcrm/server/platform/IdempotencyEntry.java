package com.makcrm.server.platform;

import com.makcrm.server.platform.IdempotencyStore.Reservation;

/**
 * What a store keeps under one key: the fingerprint of the request that reserved it, the reservation's owner and,
 * once it finished, its response.
 */
record IdempotencyEntry(String fingerprint, String owner, StoredResponse response) {

    static IdempotencyEntry pending(Reservation.Acquired reservation) {
        return new IdempotencyEntry(reservation.fingerprint(), reservation.owner(), null);
    }

    static IdempotencyEntry completed(Reservation.Acquired reservation, StoredResponse response) {
        return new IdempotencyEntry(reservation.fingerprint(), reservation.owner(), response);
    }

    Reservation found() {
        return response == null
                ? new Reservation.InFlight(fingerprint)
                : new Reservation.Completed(fingerprint, response);
    }
}
