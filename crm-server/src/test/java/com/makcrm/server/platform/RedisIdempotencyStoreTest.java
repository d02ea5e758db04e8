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

class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

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
    IdempotencyStore store(IdempotencyStore.Timeouts timeouts) {
        return new RedisIdempotencyStore(connection, redis.prefix(), timeouts);
    }

    @Override
    void passTime(Duration duration) throws InterruptedException {
        Thread.sleep(duration.plusMillis(100).toMillis()); // Redis keeps time itself
    }

    @Test
    void keepsEntriesUnderItsPrefixWithTheInFlightTimeoutThenTheTtl() {
        IdempotencyStore store = store(LONG);
        String key = key();

        var acquired = (IdempotencyStore.Reservation.Acquired) store.reserve(key, "fp-1");
        String redisKey = redis.key("idempotency:" + key);
        assertThat(redis.commands().pttl(redisKey))
                .isBetween(1L, LONG.inFlight().toMillis());

        store.complete(acquired, created("{}"));
        assertThat(redis.commands().pttl(redisKey))
                .isGreaterThan(LONG.inFlight().toMillis())
                .isLessThanOrEqualTo(LONG.completed().toMillis());
    }

    @Test
    void unreachableRedisIsReportedAsUnavailable() {
        RedisClient other = RedisClient.create(redis.url());
        StatefulRedisConnection<String, String> closed = other.connect();
        closed.close();
        try {
            IdempotencyStore store = new RedisIdempotencyStore(closed, redis.prefix(), LONG);

            assertThatThrownBy(() -> store.reserve(key(), "fp-1")).isInstanceOf(StoreUnavailableException.class);
        } finally {
            other.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
