package com.makcrm.core.testsupport;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The services as Testcontainers, each started once per JVM and shared by all test classes (they isolate
 * themselves by database, key prefix and bucket). Pinned tags keep runs repeatable.
 */
final class DockerServices {

    static final String POSTGRES_IMAGE = "postgres:15.13-alpine";
    static final String REDIS_IMAGE = "redis:7.2.5-alpine";
    static final String MINIO_IMAGE = "minio/minio:RELEASE.2023-09-04T19-57-37Z";
    private static final int REDIS_PORT = 6379;

    private static final Once<PostgreSQLContainer> POSTGRES = new Once<>(
            "PostgreSQL container",
            () -> started(new PostgreSQLContainer(POSTGRES_IMAGE)
                    .withUsername("postgres")
                    .withPassword("postgres")));
    private static final Once<GenericContainer<?>> REDIS = new Once<>(
            "Redis container", () -> started(new GenericContainer<>(REDIS_IMAGE).withExposedPorts(REDIS_PORT)));
    private static final Once<MinIOContainer> MINIO =
            new Once<>("MinIO container", () -> started(new MinIOContainer(MINIO_IMAGE)));

    private DockerServices() {}

    static boolean engineAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static PostgresServer postgres() {
        PostgreSQLContainer container = POSTGRES.get();
        return new PostgresServer(
                container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getUsername(),
                container.getPassword());
    }

    static String redisUrl() {
        GenericContainer<?> container = REDIS.get();
        return "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT);
    }

    static S3Service s3() {
        MinIOContainer container = MINIO.get();
        return new S3Service(
                URI.create(container.getS3URL()),
                TestServices.DEFAULT_REGION,
                container.getUserName(),
                container.getPassword());
    }

    // Ryuk removes containers when the JVM ends; the hook also covers runs with Ryuk disabled
    private static <C extends GenericContainer<?>> C started(C container) {
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop " + container.getDockerImageName()));
        return container;
    }
}
