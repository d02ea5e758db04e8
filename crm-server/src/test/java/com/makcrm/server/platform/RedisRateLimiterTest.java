package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimiterTest extends RateLimiterContract {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    static RedisClient client;
    static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(redis.url());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Override
    RateLimiter limiter(int limit, Duration window) {
        return new RedisRateLimiter(connection, redis.prefix(), limit, window);
    }

    @Override
    void passTime(Duration duration) throws InterruptedException {
        Thread.sleep(duration.plusMillis(100).toMillis());
    }

    @Test
    void keepsOneExpiringCounterPerKey() {
        String key = key();
        limiter(10, Duration.ofMinutes(1)).acquire(key);
        limiter(10, Duration.ofMinutes(1)).acquire(key);

        assertThat(redis.commands().get(redis.key("rate-limit:" + key))).isEqualTo("2");
        assertThat(redis.commands().pttl(redis.key("rate-limit:" + key))).isBetween(1L, 60_000L);
    }

    @Test
    void mendsACounterThatLostItsExpiry() {
        String key = key();
        redis.commands().set(redis.key("rate-limit:" + key), "3");

        RateLimiter.RateLimit counted = limiter(10, Duration.ofMinutes(1)).acquire(key);

        assertThat(counted.count()).isEqualTo(4);
        assertThat(redis.commands().pttl(redis.key("rate-limit:" + key))).isBetween(1L, 60_000L);
    }

    @Test
    void unreachableRedisIsReportedAsUnavailable() {
        RedisClient other = RedisClient.create(redis.url());
        StatefulRedisConnection<String, String> closed = other.connect();
        closed.close();
        try {
            RateLimiter limiter = new RedisRateLimiter(closed, redis.prefix(), 10, Duration.ofMinutes(1));

            assertThatThrownBy(() -> limiter.acquire(key())).isInstanceOf(StoreUnavailableException.class);
        } finally {
            other.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
