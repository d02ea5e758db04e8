package com.makcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged {@code crm.jar} as operators run it: a separate {@code java -jar} process with a clean environment,
 * so the shaded jar's manifest, resources, logging set-up and exit codes are what is tested.
 */
class CrmJarIT {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("crm.jar");
        // failsafe sets it after packaging; a surefire run picked up by a broad -Dtest pattern has no jar yet
        assumeTrue(property != null && !property.isBlank(), "crm.jar is set only by failsafe, after packaging");
        jar = Path.of(property);
        assertThat(jar).isRegularFile();
    }

    @Test
    void createsAndListsATenantAsJson() throws Exception {
        Run create = crm(dbEnv(), "tenant", "create", "jar-tenant", "--name", "From the jar");
        Run list = crm(dbEnv(), "tenant", "list", "-o", "json");

        assertThat(create.exitCode()).as("%s", create).isZero();
        assertThat(create.out()).startsWith("created tenant jar-tenant (ACTIVE, schema t_");
        assertThat(create.err()).as("nothing on stderr, not even logs").isEmpty();
        assertThat(list.exitCode()).as("%s", list).isZero();
        List<Map<String, Object>> tenants = new JsonMapper().readValue(list.out(), new TypeReference<>() {});
        // the class shares one database, so other tests' tenants may be listed too
        assertThat(tenants)
                .filteredOn(t -> "jar-tenant".equals(t.get("slug")))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .containsEntry("name", "From the jar")
                        .containsEntry("status", "ACTIVE")
                        .containsEntry(
                                "schemaVersion",
                                new DbState(db.dataSource())
                                        .recordedSchemaVersion("jar-tenant")
                                        .orElseThrow()));
        assertThat(new DbState(db.dataSource()).tenantStatus("jar-tenant")).contains("ACTIVE");
    }

    /** The shaded jar carries the AWS SDK: an S3 repository works from it (a test-scoped SDK once left it out). */
    @Test
    void backsUpATenantIntoAnS3RepositoryAndVerifiesIt() throws Exception {
        com.makcrm.core.testsupport.S3Service s3 = com.makcrm.core.testsupport.TestServices.s3();
        Map<String, String> env = new java.util.HashMap<>(dbEnv());
        env.put("CRM_BACKUP_REPO", "s3://" + s3.createBucket("crm-jar") + "/backups");
        env.put("CRM_BACKUP_S3_ENDPOINT", s3.endpoint().toString());
        env.put("CRM_BACKUP_S3_REGION", s3.region());
        env.put("CRM_BACKUP_S3_PATH_STYLE", "true");
        env.put("CRM_BACKUP_S3_ACCESS_KEY", s3.accessKey());
        env.put("CRM_BACKUP_S3_SECRET_KEY", s3.secretKey());
        assertThat(crm(dbEnv(), "tenant", "create", "jar-s3").exitCode()).isZero();

        Run create = crm(env, "backup", "create", "--tenant", "jar-s3", "-o", "json");
        assertThat(create.exitCode()).as("%s", create).isZero();
        String id = (String) new JsonMapper()
                .readValue(create.out(), new TypeReference<List<Map<String, Object>>>() {})
                .get(0)
                .get("backupId");
        Run verify = crm(env, "backup", "verify", id);

        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.out()).startsWith("backup " + id + " is sound");
    }

    @Test
    void unknownTenantExitsThreeWithOneErrorLineAndNoStackTrace() throws Exception {
        Run r = crm(dbEnv(), "tenant", "show", "no-such-tenant");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.err().lines().toList()).containsExactly("ERROR: tenant 'no-such-tenant' not found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unreachableDatabaseExitsFiveNamingHostAndPortWithoutAStackTrace() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("CRM_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/crm");

        Run r = crm(env, "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(5);
        assertThat(r.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("ERROR: cannot reach PostgreSQL at 127.0.0.1:" + port);
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
    }

    /** Russian from LANG, printed as UTF-8 even where that locale is not installed (the JVM then reports ASCII). */
    @Test
    void printsErrorsInTheLanguageOfLang() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(dbEnv());
        env.put("LANG", "ru_RU.UTF-8");

        Run r = crm(env, "tenant", "show", "no-such-tenant");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.err().lines().toList()).containsExactly("ERROR: тенант «no-such-tenant» не найден");
    }

    @Test
    void printsTheVersionFromTheJar() throws Exception {
        Run r = crm(Map.of(), "--version");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().findFirst())
                .hasValueSatisfying(line ->
                        assertThat(line).matches("crm \\d+\\.\\d+\\.\\d+.*").doesNotContain("unknown", "null", "@"));
    }

    private static Map<String, String> dbEnv() {
        return Map.of(
                "CRM_DATABASE_URL", db.jdbcUrl(),
                "CRM_DATABASE_USER", db.user(),
                "CRM_DATABASE_PASSWORD", db.password());
    }

    private static Run crm(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(home, "out", ".txt");
        Path stderr = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // a clean environment: no CRM_* of the developer's or CI's, and a HOME without a config file
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("USER", "jar-tester");
        pb.environment().putAll(env);
        Process process = pb.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("crm " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr), List.of(args));
    }

    private record Run(int exitCode, String out, String err, List<String> args) {
        @Override
        public String toString() {
            return "crm " + String.join(" ", args) + "\n exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n"
                    + err;
        }
    }
}
