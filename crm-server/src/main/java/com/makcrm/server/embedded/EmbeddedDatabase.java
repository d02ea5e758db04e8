package com.makcrm.server.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL from zonky's bundled binaries, its cluster in {@code <data dir>/postgres} (kept across
 * restarts) and its server log in {@code <data dir>/postgres.log}. Listens on localhost only, on a free port, with
 * trust authentication for the {@code postgres} superuser: a database for one machine, not for sharing.
 *
 * <p>As root, zonky runs PostgreSQL (which refuses root) inside a user namespace ({@code unshare -U}), where it has
 * an ordinary uid while its files stay the caller's; without user namespaces it cannot run as root at all.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String BEAN_NAME = "crmEmbeddedDatabase";
    static final String USER = "postgres";
    static final String DATABASE = "crm";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private DataDirectoryLock lock;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return dataDir;
    }

    Path clusterDir() {
        return dataDir.resolve("postgres");
    }

    Path serverLog() {
        return dataDir.resolve("postgres.log");
    }

    synchronized boolean started() {
        return postgres != null;
    }

    /** Starts the database unless it runs already; its JDBC URL. */
    synchronized String jdbcUrl() {
        start();
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot create the data directory " + dataDir + ": " + e, e);
        }
        lock = DataDirectoryLock.acquire(dataDir);
        try {
            requireUsableUser();
            Postmasters.clearLeftovers(clusterDir());
            boolean fresh = requireClusterOrNothing();
            long began = System.nanoTime();
            postgres = settings().start();
            log.info(
                    "embedded PostgreSQL {} on localhost:{} in {} ms; data in {}",
                    fresh ? "created and started" : "started",
                    postgres.getPort(),
                    (System.nanoTime() - began) / 1_000_000,
                    clusterDir());
        } catch (EmbeddedDatabaseException e) {
            releaseLock();
            throw e;
        } catch (IOException | RuntimeException e) {
            releaseLock();
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL in " + clusterDir() + " did not start (" + e.getMessage()
                            + "); its log is " + serverLog(),
                    e);
        }
    }

    private EmbeddedPostgres.Builder settings() {
        Redirect toLog = Redirect.appendTo(serverLog().toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir().toFile())
                .setCleanDataDirectory(false)
                // zonky's test-friendly defaults turn both off; this data is meant to survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog);
        if (isLinux()) {
            // initdb would take the caller's locale, or plain C without one (no Cyrillic in lower() or pg_trgm);
            // C.UTF-8 also sorts by code point, so a glibc update never reorders text indexes
            builder.setLocaleConfig("locale", "C.UTF-8");
        }
        return builder;
    }

    /** True when there is no cluster yet; refuses a directory that holds something else. */
    private boolean requireClusterOrNothing() throws IOException {
        Path cluster = clusterDir();
        if (Files.exists(cluster.resolve("postgresql.conf"))) {
            return false;
        }
        if (Files.isDirectory(cluster)) {
            try (Stream<Path> entries = Files.list(cluster)) {
                if (entries.findAny().isPresent()) {
                    throw new EmbeddedDatabaseException(cluster + " is not empty but holds no PostgreSQL cluster (an"
                            + " interrupted first start?); move it away to start afresh");
                }
            }
        }
        return true;
    }

    private static void requireUsableUser() {
        if (!isRoot()) {
            return;
        }
        if (!LinuxUtils.isUnshareAvailable()) {
            throw new EmbeddedDatabaseException("PostgreSQL refuses to run as root, and this system allows no user"
                    + " namespace (unshare -U) to run it in; start the server as an ordinary user");
        }
        log.info("running as root: PostgreSQL runs in a user namespace (unshare -U); its files stay root's");
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError e) {
            return false; // not a Unix (Windows), where there is no root to refuse
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            postgres = null;
            releaseLock();
        }
    }

    private void releaseLock() {
        lock.close();
        lock = null;
    }
}
