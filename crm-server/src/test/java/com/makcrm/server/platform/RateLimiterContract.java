package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.platform.RateLimiter.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does; subclasses supply the limiter and a way to let time pass. */
abstract class RateLimiterContract {

    abstract RateLimiter limiter(int limit, Duration window);

    abstract void passTime(Duration duration) throws InterruptedException;

    static String key() {
        return UUID.randomUUID() + ":api-key:" + UUID.randomUUID();
    }

    @Test
    void allowsTheLimitPerWindowThenRefusesUntilTheWindowEnds() {
        RateLimiter limiter = limiter(3, Duration.ofMinutes(1));
        String key = key();

        List<RateLimit> counted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            counted.add(limiter.acquire(key));
        }

        assertThat(counted).extracting(RateLimit::allowed).containsExactly(true, true, true, false);
        assertThat(counted).extracting(RateLimit::remaining).containsExactly(2L, 1L, 0L, 0L);
        assertThat(counted).allSatisfy(c -> {
            assertThat(c.limit()).isEqualTo(3);
            assertThat(c.resetSeconds()).isBetween(1L, 60L);
        });
    }

    @Test
    void countsEveryKeyOnItsOwn() {
        RateLimiter limiter = limiter(1, Duration.ofMinutes(1));
        String first = key();

        assertThat(limiter.acquire(first).allowed()).isTrue();
        assertThat(limiter.acquire(first).allowed()).isFalse();
        assertThat(limiter.acquire(key()).allowed()).isTrue();
    }

    @Test
    void startsAFreshWindowWhenTheOldOneEnds() throws Exception {
        Duration window = Duration.ofMillis(400);
        RateLimiter limiter = limiter(1, window);
        String key = key();
        limiter.acquire(key);
        assertThat(limiter.acquire(key).allowed()).isFalse();

        passTime(window);

        RateLimit fresh = limiter.acquire(key);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isZero();
    }

    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        RateLimiter limiter = limiter(50, Duration.ofMinutes(1));
        String key = key();
        int threads = 4;
        int each = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                allowed.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < each; i++) {
                        n += limiter.acquire(key).allowed() ? 1 : 0;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : allowed) {
                total += f.get();
            }

            assertThat(total).isEqualTo(50);
            assertThat(limiter.acquire(key).remaining()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
