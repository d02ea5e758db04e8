package com.makcrm.core.testsupport;

import java.net.URI;
import java.util.Optional;

/**
 * The one place every test gets PostgreSQL, Redis and S3 from (HANDBOOK §4), so the same tests run on a
 * laptop with Docker, in GitHub Actions and on the Docker-less machines with local services.
 *
 * <p>Each service is resolved once per JVM, on first use, in this order: the {@code CRM_TEST_*} environment;
 * else Testcontainers where a Docker engine answers; else the local services (PostgreSQL and Redis on their
 * standard ports, S3Proxy inside this JVM).
 */
public final class TestServices {

    static final String JDBC_URL = "CRM_TEST_JDBC_URL";
    static final String REDIS_URL = "CRM_TEST_REDIS_URL";
    static final String S3_ENDPOINT = "CRM_TEST_S3_ENDPOINT";
    static final String DEFAULT_REGION = "us-east-1";

    private static final Once<Boolean> DOCKER = new Once<>("Docker detection", DockerEngine::answers);
    private static final Once<PostgresServer> POSTGRES = new Once<>("PostgreSQL", TestServices::resolvePostgres);
    private static final Once<String> REDIS = new Once<>("Redis", TestServices::resolveRedis);
    private static final Once<S3Service> S3 = new Once<>("S3", TestServices::resolveS3);

    private TestServices() {}

    /** The PostgreSQL server; tests use a database of their own on it through {@link TestDatabase}. */
    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    /** A Redis URL; tests keep to a key prefix of their own through {@link TestRedis}. */
    public static String redisUrl() {
        return REDIS.get();
    }

    /** The S3-compatible store; tests use buckets of their own through {@link S3Service#createBucket}. */
    public static S3Service s3() {
        return S3.get();
    }

    /** One line naming where each service comes from, for test logs. Starts nothing. */
    public static String describe() {
        Source s3 = source(S3_ENDPOINT);
        return "test services: postgres from " + source(JDBC_URL).label
                + ", redis from " + source(REDIS_URL).label
                + ", s3 from " + (s3 == Source.LOCAL ? "in-JVM S3Proxy" : s3.label);
    }

    static Source source(String variable) {
        if (env(variable).isPresent()) {
            return Source.ENVIRONMENT;
        }
        return DOCKER.get() ? Source.DOCKER : Source.LOCAL;
    }

    private static PostgresServer resolvePostgres() {
        return switch (source(JDBC_URL)) {
            case ENVIRONMENT ->
                PostgresServer.fromJdbcUrl(
                        required(JDBC_URL),
                        env("CRM_TEST_JDBC_USER").orElse("postgres"),
                        env("CRM_TEST_JDBC_PASSWORD").orElse(""));
            case DOCKER -> DockerServices.postgres();
            case LOCAL -> new PostgresServer("localhost", 5432, "postgres", "");
        };
    }

    private static String resolveRedis() {
        return switch (source(REDIS_URL)) {
            case ENVIRONMENT -> required(REDIS_URL);
            case DOCKER -> DockerServices.redisUrl();
            case LOCAL -> "redis://localhost:6379";
        };
    }

    private static S3Service resolveS3() throws Exception {
        return switch (source(S3_ENDPOINT)) {
            case ENVIRONMENT ->
                new S3Service(
                        URI.create(required(S3_ENDPOINT)),
                        env("CRM_TEST_S3_REGION").orElse(DEFAULT_REGION),
                        required("CRM_TEST_S3_ACCESS_KEY"),
                        required("CRM_TEST_S3_SECRET_KEY"));
            case DOCKER -> DockerServices.s3();
            case LOCAL -> LocalS3Proxy.start();
        };
    }

    // a blank variable counts as unset, as CI systems often export empty ones
    private static Optional<String> env(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    }

    private static String required(String variable) {
        return env(variable).orElseThrow(() -> new IllegalStateException(variable + " must be set"));
    }

    enum Source {
        ENVIRONMENT("CRM_TEST_* environment"),
        DOCKER("Testcontainers"),
        LOCAL("local services");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }
}
