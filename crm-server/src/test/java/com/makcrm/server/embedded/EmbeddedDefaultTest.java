package com.makcrm.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.CrmCore;
import com.makcrm.core.query.PageRequest;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.server.ApiClient;
import com.makcrm.server.CrmServerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The one-command default end to end: the real server (its main class) with no database URL, first in a process of
 * its own on an empty data directory, killed there, then in this JVM on the data it left, twice. One scenario, so
 * the slow parts (initdb, a cold JVM) happen once.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultTest {

    private static final Pattern RUNNING_AT = Pattern.compile("MaK-CRM is running at http://localhost:(\\d+)");
    private static final Duration CHILD_START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private Process child;

    @AfterEach
    void leaveNothingRunning() throws IOException {
        if (child != null) {
            child.destroyForcibly();
        }
        Postmasters.clearLeftovers(dataDir.resolve("postgres"));
    }

    @Test
    void startsOnAnEmptyDataDirectoryThenAgainOnItsDataAfterBeingKilledAndAfterAStop(CapturedOutput output)
            throws Exception {
        DemoCredentials login = firstStartInItsOwnProcess();
        long postmaster = killServer();

        int before = output.getOut().length();
        try (ConfigurableApplicationContext server = start()) {
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                    .as("the PostgreSQL the killed server left running was stopped")
                    .isEmpty();
            int port = port(server);
            assertThat(health(port)).isEqualTo("UP");
            assertThat(server.getEnvironment().getProperty("spring.datasource.url"))
                    .matches("jdbc:postgresql://localhost:\\d+/crm");
            assertThat(server.getEnvironment().getProperty("crm.core.storage-url"))
                    .isEqualTo(dataDir + "/storage");
            assertThat(DemoCredentials.read(dataDir)).contains(login);
            assertDemoMember(port, logIn(port, login));
            assertDemoRecords(server.getBean(CrmCore.class));
            assertThat(output.getOut().substring(before))
                    .contains("MaK-CRM is running at http://localhost:" + port)
                    .contains("Demo login: see " + DemoCredentials.file(dataDir))
                    .doesNotContain(login.password());

            assertThatThrownBy(() -> start().close())
                    .hasRootCauseInstanceOf(EmbeddedDatabaseException.class)
                    .rootCause()
                    .hasMessageContaining("in use by another MaK-CRM server");
        }
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        assertThat(pidFile).as("PostgreSQL stops with the server").doesNotExist();

        // a stale lock naming a live process that is not PostgreSQL (pids get reused, e.g. after a container
        // restart) would keep PostgreSQL itself from starting
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres") + "\n");
        try (ConfigurableApplicationContext server = start()) {
            int port = port(server);
            assertThat(health(port)).isEqualTo("UP");
            logIn(port, login);
            assertDemoRecords(server.getBean(CrmCore.class));
        }
    }

    /** The first start creates the cluster and the demo tenant, and prints the login. */
    private DemoCredentials firstStartInItsOwnProcess() throws Exception {
        Path log = logs.resolve("server.log");
        child = startChild(log);
        int port = awaitRunning(child, log);
        assertThat(dataDir.resolve("postgres/PG_VERSION")).content().isEqualToIgnoringNewLines("15");
        DemoCredentials login = DemoCredentials.read(dataDir).orElseThrow();
        assertThat(login.email()).isEqualTo("demo@makcrm.local");
        assertThat(Files.getPosixFilePermissions(DemoCredentials.file(dataDir)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(log))
                .contains("single-node mode: no CRM_REDIS_URL")
                .contains("email:    demo@makcrm.local", "password: " + login.password())
                .contains("http://localhost:" + port + "/swagger-ui.html")
                .contains("http://localhost:" + port + "/v3/api-docs");
        assertThat(health(port)).isEqualTo("UP");
        logIn(port, login);
        return login;
    }

    /** kill -9: the JVM goes, the PostgreSQL daemon it started stays; its pid. */
    private long killServer() throws Exception {
        child.destroyForcibly().waitFor();
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .strip());
        assertThat(ProcessHandle.of(postmaster))
                .as("PostgreSQL outlives the killed server")
                .isPresent();
        return postmaster;
    }

    /** The server as {@code java -jar} runs it, on a free port and this data directory, in this JVM. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CrmServerApplication.class)
                .run(serverArgs().toArray(String[]::new));
    }

    private Process startChild(Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrmServerApplication.class.getName()));
        command.addAll(serverArgs());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private List<String> serverArgs() {
        return List.of(
                "--server.port=0",
                "--crm.data-dir=" + dataDir,
                "--spring.datasource.url=", // whatever this machine's environment says: no database configured
                "--crm.auth.password.memory-kib=1024", // cheap Argon2, as in the API tests
                "--crm.auth.password.iterations=1");
    }

    private static int awaitRunning(Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(CHILD_START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(log);
            Matcher running = RUNNING_AT.matcher(text);
            if (running.find()) {
                return Integer.parseInt(running.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not start in " + CHILD_START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static int port(ConfigurableApplicationContext server) {
        return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String health(int port) {
        ApiClient.Response health = new ApiClient(port).get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        return health.text("status");
    }

    private static String logIn(int port, DemoCredentials login) {
        ApiClient.Response r = new ApiClient(port)
                .post("/api/v1/auth/login", Map.of("email", login.email(), "password", login.password()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    private static void assertDemoMember(int port, String token) {
        ApiClient.Response r = new ApiClient(port).get("/api/v1/admin/members", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode members = r.json().get("data");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("email").asString()).isEqualTo("demo@makcrm.local");
        assertThat(members.get(0).get("role").asString()).isEqualTo("OWNER");
    }

    /** Exactly one tenant, the demo one, with its sample records. */
    private static void assertDemoRecords(CrmCore core) {
        List<Tenant> tenants = core.tenants().list();
        assertThat(tenants).extracting(Tenant::displayName).containsExactly(DemoData.TENANT_NAME);
        TenantScope scope = TenantScope.of(tenants.get(0), "test");
        assertThat(values(core, scope, ObjectKind.COMPANY, "name"))
                .containsExactlyInAnyOrder("Acme Corporation", "Globex", "Initech");
        assertThat(values(core, scope, ObjectKind.PERSON, "lastName"))
                .containsExactlyInAnyOrder("Smith", "Jones", "Иванова");
        assertThat(values(core, scope, ObjectKind.OPPORTUNITY, "stage"))
                .containsExactlyInAnyOrder("PROPOSAL", "MEETING");
        assertThat(values(core, scope, ObjectKind.TASK, "title")).hasSize(2);
        assertThat(values(core, scope, ObjectKind.NOTE, "title")).containsExactly("Call with Acme");
    }

    private static List<Object> values(CrmCore core, TenantScope scope, ObjectKind kind, String field) {
        return core.records().list(scope, kind, new PageRequest(null, null, null, 200)).items().stream()
                .map(r -> Optional.ofNullable(r.get(field)).orElse("<none>"))
                .toList();
    }
}
