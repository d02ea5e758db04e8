package com.makcrm.core.testsupport;

import java.net.URI;
import java.util.Objects;

/**
 * A PostgreSQL server tests may create databases on. It names a server, not a database, because every
 * test class gets a database of its own (see {@link TestDatabase}).
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    public PostgresServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return PREFIX + host + ":" + port + "/" + database;
    }

    /** Reads host and port from a JDBC URL; its database and parameters are not used. */
    static PostgresServer fromJdbcUrl(String url, String user, String password) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("expected one host in the JDBC URL: " + url);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new PostgresServer(uri.getHost(), port, user, password);
    }

    // keeps a password given through CRM_TEST_JDBC_PASSWORD out of test logs
    @Override
    public String toString() {
        return "PostgresServer[" + user + "@" + host + ":" + port + "]";
    }
}
