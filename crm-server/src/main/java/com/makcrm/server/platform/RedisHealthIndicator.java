package com.makcrm.server.platform;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code redis}: a PING on the shared connection, answered within {@link #TIMEOUT} (probes have
 * short timeouts of their own). Listed in a health group by that name, e.g.
 * {@code management.endpoint.health.group.readiness.include=readinessState,redis}.
 */
final class RedisHealthIndicator implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    private final StatefulRedisConnection<String, String> redis;

    RedisHealthIndicator(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            String answer = redis.async().ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return "PONG".equals(answer)
                    ? Health.up().build()
                    : Health.down()
                            .withDetail("error", "unexpected answer to PING")
                            .build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer to PING within " + TIMEOUT.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getCause().getMessage()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }
}
