package com.makcrm.cli.i18n.crowdin;

import java.time.Duration;

/**
 * How {@link CrowdinClient} talks to Crowdin: timeouts, retries of 429 and 5xx answers, page size of lists, and the
 * build poll interval.
 *
 * @param maxAttempts attempts per request, the first included
 * @param maxBackoff the longest wait between two attempts, also the cap on a server's Retry-After
 * @param pageSize the {@code limit} of list requests (Crowdin allows up to 500)
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration firstBackoff,
        Duration maxBackoff,
        int pageSize,
        Duration pollInterval,
        Duration buildTimeout,
        Sleeper sleeper) {

    public static ClientSettings defaults() {
        return new ClientSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                500,
                Duration.ofSeconds(2),
                Duration.ofMinutes(15),
                Sleeper.REAL);
    }

    public ClientSettings withSleeper(Sleeper value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                pageSize,
                pollInterval,
                buildTimeout,
                value);
    }

    public ClientSettings withPageSize(int value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                value,
                pollInterval,
                buildTimeout,
                sleeper);
    }

    public ClientSettings withRequestTimeout(Duration value) {
        return new ClientSettings(
                connectTimeout,
                value,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                pageSize,
                pollInterval,
                buildTimeout,
                sleeper);
    }

    /** The wait before attempt {@code attempt + 1} when the server gave no Retry-After: doubling, capped. */
    Duration backoff(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
