package com.makcrm.server.platform;

import java.time.Duration;

/**
 * Counts requests per key in fixed windows: a key's window starts with its first request and lasts {@link #window()};
 * the next request after it starts a new one.
 */
interface RateLimiter {

    Duration WINDOW = Duration.ofMinutes(1);

    /**
     * Counts one request of {@code key}.
     *
     * @throws StoreUnavailableException when the shared counter cannot be reached
     */
    RateLimit acquire(String key);

    int limit();

    Duration window();

    /**
     * The outcome of counting one request.
     *
     * @param limit requests allowed per window
     * @param count requests counted in this window, this one included
     * @param resetAfter time left until the window ends
     */
    record RateLimit(int limit, long count, Duration resetAfter) {

        boolean allowed() {
            return count <= limit;
        }

        long remaining() {
            return Math.max(0, limit - count);
        }

        /** Whole seconds until the window ends, at least 1, as RateLimit-Reset and Retry-After want them. */
        long resetSeconds() {
            long millis = Math.max(0, resetAfter.toMillis());
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
