package com.makcrm.server.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed server leaves in a data directory. PostgreSQL runs as its own daemon, so killing the JVM (kill -9,
 * a crash, a container stop) leaves the postmaster running with the old {@code postmaster.pid}, and the next start
 * fails on that lock. When the process died too, the file is stale; PostgreSQL tolerates that unless its pid was
 * reused meanwhile (after a container restart, often), which it cannot tell from a live postmaster. Only called
 * while holding the {@link DataDirectoryLock}, so no running server of ours owns the directory.
 */
final class Postmasters {

    private static final Logger log = LoggerFactory.getLogger(Postmasters.class);
    private static final Duration SMART_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private Postmasters() {}

    /** Stops a postmaster left running on {@code pgData} and removes a stale {@code postmaster.pid}. */
    static void clearLeftovers(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = pid(Files.readAllLines(pidFile)).flatMap(ProcessHandle::of);
        if (process.isPresent()) {
            ProcessHandle handle = process.get();
            if (handle.info().command().isEmpty()) {
                return; // not ours to inspect: leave the decision to PostgreSQL
            }
            if (isPostmasterOf(handle, pgData)) {
                log.warn(
                        "a PostgreSQL server (pid {}) left running by an earlier run still uses {}; stopping it",
                        handle.pid(),
                        pgData);
                stop(handle);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** First line of postmaster.pid; negative for a single-user backend. */
    private static Optional<Long> pid(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.abs(Long.parseLong(lines.get(0).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(c -> Path.of(c).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
        boolean sameDirectory = info.arguments()
                .map(args -> List.of(args).contains(pgData.toString()))
                .orElse(true); // some systems do not show another process's arguments
        return postgres && sameDirectory;
    }

    /** SIGTERM is a smart shutdown: it waits for sessions, and a dead JVM left none. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!awaitExit(postmaster, SMART_SHUTDOWN)) {
            log.warn(
                    "PostgreSQL (pid {}) did not stop in {} s; killing it",
                    postmaster.pid(),
                    SMART_SHUTDOWN.toSeconds());
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster, KILL_WAIT)) {
                throw new EmbeddedDatabaseException("cannot stop the PostgreSQL server (pid " + postmaster.pid()
                        + ") left running by an earlier run; stop it, then start again");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
