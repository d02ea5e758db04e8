package com.makcrm.server.platform;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;

/**
 * Request counters shared by every instance: INCR on one key per caller, which expires when its window ends. The
 * window is timed by Redis, so the instances' clocks do not matter.
 */
final class RedisRateLimiter implements RateLimiter {

    /** Counts, starts the window on the first request (and mends a key that lost its expiry); {count, ms left}. */
    private static final RedisScript COUNT = new RedisScript("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              left = tonumber(ARGV[1])
            end
            return {count, left}
            """, ScriptOutputType.MULTI);

    private final StatefulRedisConnection<String, String> redis;
    private final String prefix;
    private final int limit;
    private final Duration window;

    RedisRateLimiter(StatefulRedisConnection<String, String> redis, String keyPrefix, int limit, Duration window) {
        this.redis = redis;
        this.prefix = keyPrefix + "rate-limit:";
        this.limit = limit;
        this.window = window;
    }

    @Override
    public RateLimit acquire(String key) {
        List<Long> counted = COUNT.run(redis.sync(), prefix + key, Long.toString(window.toMillis()));
        return new RateLimit(limit, counted.get(0), Duration.ofMillis(counted.get(1)));
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
