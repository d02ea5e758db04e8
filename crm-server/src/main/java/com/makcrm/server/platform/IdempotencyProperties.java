package com.makcrm.server.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code Idempotency-Key} handling ({@code crm.idempotency.*}).
 *
 * @param ttl how long a finished request's response is kept for replay
 * @param inFlightTimeout how long a key stays reserved by a request that has not finished; a request running longer
 *     loses its reservation (a retry would then run again), and a key held by an instance that died frees after it
 * @param maxResponseSize the largest response body kept for replay; a larger one keeps the key used, but a retry gets
 *     409 instead of the response
 */
@ConfigurationProperties("crm.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("5m") Duration inFlightTimeout,
        @DefaultValue("1MB") DataSize maxResponseSize) {

    public IdempotencyProperties {
        if (ttl.isNegative() || ttl.isZero() || inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
            throw new IllegalArgumentException("crm.idempotency.ttl and crm.idempotency.in-flight-timeout must be"
                    + " positive durations (e.g. 24h, 5m)");
        }
        if (maxResponseSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("crm.idempotency.max-response-size must be less than 2GB");
        }
    }
}
