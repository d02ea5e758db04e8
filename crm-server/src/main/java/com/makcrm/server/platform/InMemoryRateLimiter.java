package com.makcrm.server.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

/** Request counters of this process only (single-node mode): with N instances a caller gets up to N times the limit. */
final class InMemoryRateLimiter implements RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Ticker ticker;
    private final ConcurrentMap<String, Window> windows;

    InMemoryRateLimiter(int limit, Duration window) {
        this(limit, window, Ticker.systemTicker());
    }

    InMemoryRateLimiter(int limit, Duration window, Ticker ticker) {
        this.limit = limit;
        this.window = window;
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(window)
                .maximumSize(MAX_KEYS)
                .<String, Window>build()
                .asMap();
    }

    private record Window(long startNanos, long count) {}

    @Override
    public RateLimit acquire(String key) {
        long now = ticker.read();
        long windowNanos = window.toNanos();
        Window current = windows.compute(
                key,
                (k, old) -> old == null || now - old.startNanos() >= windowNanos
                        ? new Window(now, 1)
                        : new Window(old.startNanos(), old.count() + 1));
        return new RateLimit(limit, current.count(), Duration.ofNanos(current.startNanos() + windowNanos - now));
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }
}
