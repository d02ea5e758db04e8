package com.makcrm.server.ops;

import com.makcrm.core.storage.ObjectStorage;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the attachment store (contributor {@code storage}, part of readiness): UP when looking up a probe key
 * answers in time, whether or not the object exists. The probe runs on its own thread so a store that hangs costs
 * the caller at most the timeout, and at most one probe is in flight: while one hangs, the next checks report DOWN
 * at once instead of piling up threads.
 */
final class StorageHealthIndicator implements HealthIndicator, AutoCloseable {

    static final String PROBE_KEY = "health/probe";

    private static final Logger log = LoggerFactory.getLogger(StorageHealthIndicator.class);

    private final ObjectStorage storage;
    private final Duration timeout;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "storage-health-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> running;

    StorageHealthIndicator(ObjectStorage storage, Duration timeout) {
        this.storage = storage;
        this.timeout = timeout;
    }

    @Override
    public synchronized Health health() {
        if (running != null && !running.isDone()) {
            return Health.down()
                    .withDetail("error", "the previous probe has not answered yet")
                    .build();
        }
        running = probes.submit(() -> storage.stat(PROBE_KEY));
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            log.warn("object storage did not answer within {}", timeout);
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            log.warn("object storage health probe failed: {}", e.getCause().getMessage());
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
