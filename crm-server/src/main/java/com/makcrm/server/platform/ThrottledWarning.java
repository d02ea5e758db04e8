package com.makcrm.server.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** A warning logged at most once per interval, so an outage of Redis does not log once per request. */
final class ThrottledWarning {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

    private final Logger log;
    private final AtomicLong last = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

    ThrottledWarning(Logger log) {
        this.log = log;
    }

    void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= INTERVAL_NANOS && last.compareAndSet(before, now)) {
            log.warn("{}: {}", message, cause.getMessage());
        }
    }
}
