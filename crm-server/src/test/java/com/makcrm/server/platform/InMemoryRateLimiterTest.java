package com.makcrm.server.platform;

import java.time.Duration;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private final FakeTicker ticker = new FakeTicker();

    @Override
    RateLimiter limiter(int limit, Duration window) {
        return new InMemoryRateLimiter(limit, window, ticker);
    }

    @Override
    void passTime(Duration duration) {
        ticker.advance(duration.plusMillis(1));
    }
}
