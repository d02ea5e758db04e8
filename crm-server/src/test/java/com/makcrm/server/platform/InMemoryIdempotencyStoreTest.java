package com.makcrm.server.platform;

import java.time.Duration;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final FakeTicker ticker = new FakeTicker();

    @Override
    IdempotencyStore store(IdempotencyStore.Timeouts timeouts) {
        return new InMemoryIdempotencyStore(timeouts, ticker);
    }

    @Override
    void passTime(Duration duration) {
        ticker.advance(duration.plusMillis(1));
    }
}
