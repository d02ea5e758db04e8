package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.platform.IdempotencyStore.Reservation;
import com.makcrm.server.platform.IdempotencyStore.Timeouts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} does; subclasses supply the store and a way to let time pass. */
abstract class IdempotencyStoreContract {

    static final Timeouts LONG = new Timeouts(Duration.ofMinutes(1), Duration.ofMinutes(5));
    static final Timeouts SHORT = new Timeouts(Duration.ofMillis(300), Duration.ofMillis(600));

    abstract IdempotencyStore store(Timeouts timeouts);

    /** Lets more than {@code duration} pass for the store. */
    abstract void passTime(Duration duration) throws InterruptedException;

    static String key() {
        return UUID.randomUUID() + ":user:" + UUID.randomUUID() + ":key-1";
    }

    static StoredResponse created(String body) {
        return new StoredResponse(
                201,
                Map.of("Content-Type", "application/json", "Location", "/api/v1/things/1"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void firstRequestReservesTheKeyAndARetryFindsItInFlight() {
        IdempotencyStore store = store(LONG);
        String key = key();

        Reservation first = store.reserve(key, "fp-1");
        Reservation retry = store.reserve(key, "fp-1");

        assertThat(first).isInstanceOf(Reservation.Acquired.class);
        assertThat(retry).isEqualTo(new Reservation.InFlight("fp-1"));
    }

    @Test
    void completedKeyGivesBackTheKeptResponseWithItsFingerprint() {
        IdempotencyStore store = store(LONG);
        String key = key();
        Reservation.Acquired acquired = (Reservation.Acquired) store.reserve(key, "fp-1");

        store.complete(acquired, created("{\"id\":1}"));
        Reservation retry = store.reserve(key, "fp-other");

        assertThat(retry).isInstanceOf(Reservation.Completed.class);
        Reservation.Completed completed = (Reservation.Completed) retry;
        assertThat(completed.fingerprint()).isEqualTo("fp-1");
        assertThat(completed.response().status()).isEqualTo(201);
        assertThat(completed.response().headers())
                .containsEntry("Location", "/api/v1/things/1")
                .containsEntry("Content-Type", "application/json");
        assertThat(new String(completed.response().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1}");
    }

    @Test
    void responseWithoutKeptBodyStaysCompleted() {
        IdempotencyStore store = store(LONG);
        String key = key();
        Reservation.Acquired acquired = (Reservation.Acquired) store.reserve(key, "fp-1");

        store.complete(acquired, new StoredResponse(201, Map.of(), null));

        Reservation.Completed completed = (Reservation.Completed) store.reserve(key, "fp-1");
        assertThat(completed.response().bodyKept()).isFalse();
        assertThat(completed.response().status()).isEqualTo(201);
    }

    @Test
    void releasedKeyCanBeReservedAgain() {
        IdempotencyStore store = store(LONG);
        String key = key();
        Reservation.Acquired acquired = (Reservation.Acquired) store.reserve(key, "fp-1");

        store.release(acquired);

        assertThat(store.reserve(key, "fp-1")).isInstanceOf(Reservation.Acquired.class);
    }

    @Test
    void differentKeysAreIndependent() {
        IdempotencyStore store = store(LONG);

        assertThat(store.reserve(key(), "fp-1")).isInstanceOf(Reservation.Acquired.class);
        assertThat(store.reserve(key(), "fp-1")).isInstanceOf(Reservation.Acquired.class);
    }

    @Test
    void reservationOfARequestThatNeverFinishedExpiresAfterTheInFlightTimeout() throws Exception {
        IdempotencyStore store = store(SHORT);
        String key = key();
        store.reserve(key, "fp-1");

        passTime(SHORT.inFlight());

        assertThat(store.reserve(key, "fp-1")).isInstanceOf(Reservation.Acquired.class);
    }

    @Test
    void keptResponseExpiresAfterTheTtl() throws Exception {
        IdempotencyStore store = store(SHORT);
        String key = key();
        store.complete((Reservation.Acquired) store.reserve(key, "fp-1"), created("{}"));

        passTime(SHORT.inFlight());
        assertThat(store.reserve(key, "fp-1")).isInstanceOf(Reservation.Completed.class);
        passTime(SHORT.completed());

        assertThat(store.reserve(key, "fp-1")).isInstanceOf(Reservation.Acquired.class);
    }

    @Test
    void lateRequestThatLostItsReservationNeitherCompletesNorFreesTheNewOne() throws Exception {
        IdempotencyStore store = store(SHORT);
        String key = key();
        Reservation.Acquired late = (Reservation.Acquired) store.reserve(key, "fp-1");
        passTime(SHORT.inFlight());
        Reservation.Acquired current = (Reservation.Acquired) store.reserve(key, "fp-2");

        store.complete(late, created("{}"));
        store.release(late);

        assertThat(store.reserve(key, "fp-2")).isEqualTo(new Reservation.InFlight("fp-2"));
        store.complete(current, created("{}"));
        assertThat(store.reserve(key, "fp-2")).isInstanceOf(Reservation.Completed.class);
    }

    @Test
    void ofConcurrentRequestsWithOneKeyExactlyOneWins() throws Exception {
        IdempotencyStore store = store(LONG);
        String key = key();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Reservation>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return store.reserve(key, "fp-1");
                }));
            }
            List<Reservation> reservations = new ArrayList<>();
            for (Future<Reservation> outcome : outcomes) {
                reservations.add(outcome.get());
            }

            assertThat(reservations)
                    .filteredOn(r -> r instanceof Reservation.Acquired)
                    .hasSize(1);
            assertThat(reservations)
                    .filteredOn(r -> r instanceof Reservation.InFlight)
                    .hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
