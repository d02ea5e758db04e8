package com.makcrm.server.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.ConcurrentMap;

/**
 * Idempotency keys of this process only (single-node mode): retries that reach another instance are not recognized.
 * Kept bodies are capped at {@link #MAX_KEPT_BYTES} in all; past that the least used keys are forgotten early.
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {

    static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;
    private static final int ENTRY_OVERHEAD = 512; // key, fingerprint, headers: roughly

    private final ConcurrentMap<String, IdempotencyEntry> entries;

    InMemoryIdempotencyStore(Timeouts timeouts) {
        this(timeouts, Ticker.systemTicker());
    }

    InMemoryIdempotencyStore(Timeouts timeouts, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<String, IdempotencyEntry>writing(
                        (key, entry) -> entry.response() == null ? timeouts.inFlight() : timeouts.completed()))
                .maximumWeight(MAX_KEPT_BYTES)
                .weigher((String key, IdempotencyEntry entry) -> weight(entry))
                .<String, IdempotencyEntry>build()
                .asMap();
    }

    @Override
    public Reservation reserve(String key, String fingerprint) {
        Reservation.Acquired mine = new Reservation.Acquired(key, fingerprint, Owners.next());
        IdempotencyEntry existing = entries.putIfAbsent(key, IdempotencyEntry.pending(mine));
        return existing == null ? mine : existing.found();
    }

    @Override
    public void complete(Reservation.Acquired reservation, StoredResponse response) {
        entries.replace(
                reservation.key(),
                IdempotencyEntry.pending(reservation),
                IdempotencyEntry.completed(reservation, response));
    }

    @Override
    public void release(Reservation.Acquired reservation) {
        entries.remove(reservation.key(), IdempotencyEntry.pending(reservation));
    }

    private static int weight(IdempotencyEntry entry) {
        StoredResponse response = entry.response();
        return ENTRY_OVERHEAD + (response == null || !response.bodyKept() ? 0 : response.body().length);
    }
}
