package com.makcrm.core.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a Docker engine answers. Looks for a socket or setting first, because asking Testcontainers on a
 * machine without Docker costs seconds of probing; only then loads Testcontainers, so a module without it
 * on its test class path simply uses the local services.
 */
final class DockerEngine {

    private DockerEngine() {}

    static boolean answers() {
        return mightBeThere() && testcontainersPresent() && DockerServices.engineAnswers();
    }

    private static boolean mightBeThere() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        return Stream.of(
                        Path.of("/var/run/docker.sock"),
                        home.resolve(".docker/run/docker.sock"), // Docker Desktop without the system socket
                        home.resolve(".testcontainers.properties")) // e.g. docker.host of Colima or a remote
                .anyMatch(Files::exists);
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DockerEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
