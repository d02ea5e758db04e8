package com.makcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli.Result;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The root command: version, help, completion, usage errors and how database failures are reported. */
class CrmCommandTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path home;

    @Test
    void versionPrintsTheBuildVersion() {
        Result r = Cli.withHome(home).run("--version");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines().get(0)).matches("crm \\d+\\.\\d+\\.\\d+.*").doesNotContain("unknown", "null", "@");
        assertThat(r.out()).contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpListsTheSubcommandsAndEveryExitCode() {
        Result r = Cli.withHome(home).run("--help");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out())
                .contains("tenant", "migrate", "backup", "completion", "--db-url", "--verbose")
                .contains("Exit codes:")
                .contains("0  ok", "1  internal error", "2  usage error", "3  not found", "4  conflict")
                .contains(
                        "5  a service is unavailable",
                        "6  migration failure",
                        "7  backup damaged",
                        "8  backup encryption key",
                        "9  pg_dump/pg_restore")
                .contains("CRM_* environment variables", "config.yaml");
    }

    @Test
    void withoutASubcommandPrintsUsage() {
        Result r = Cli.withHome(home).run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("Usage: crm").contains("Exit codes:");
    }

    @Test
    void completionPrintsABashScriptCoveringTheSubcommands() {
        Result r = Cli.withHome(home).run("completion");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F")
                .contains("tenant", "migrate", "create", "suspend", "resume", "delete", "status", "validate")
                .contains("--db-url", "--confirm", "--dry-run");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorPointingToHelp() {
        Result r = Cli.withHome(home).run("--bogus");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ERROR: Unknown option: '--bogus'", "Try 'crm --help' for usage.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageErrorsAreInTheRunsLanguage() {
        Result unknown = Cli.withHome(home).env("LANG", "ru_RU.UTF-8").run("tenant", "list", "--bogus");
        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
        assertThat(unknown.errLines())
                .containsExactly(
                        "ERROR: Неизвестный параметр: '--bogus'",
                        "Справка по использованию: «crm tenant list --help».");

        Result missing = Cli.withHome(home).run("--lang", "ru", "tenant", "create");
        assertThat(missing.exitCode()).as("%s", missing).isEqualTo(2);
        assertThat(missing.errLines().get(0)).isEqualTo("ERROR: Не указан обязательный аргумент: 'SLUG'");

        Result wrongKind = Cli.withHome(home)
                .run("--lang", "ru", "restore", "0192b3c4-0000-7000-8000-000000000000", "--jobs", "many");
        assertThat(wrongKind.exitCode()).as("%s", wrongKind).isEqualTo(2);
        assertThat(wrongKind.errLines().get(0)).isEqualTo("ERROR: Недопустимое значение параметра '--jobs': «many»");

        Result badId = Cli.withHome(home).run("restore", "some-id");
        assertThat(badId.exitCode()).as("%s", badId).isEqualTo(2);
        assertThat(badId.errLines().get(0))
                .as("no Java exception quoted at the user")
                .isEqualTo("ERROR: Invalid value for parameter 'BACKUP_ID': 'some-id'");

        Result english = Cli.withHome(home).env("LANG", "en_US.UTF-8").run("tenant", "list", "--bogus");
        assertThat(english.errLines())
                .containsExactly("ERROR: Unknown option: '--bogus'", "Try 'crm tenant list --help' for usage.");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Result r = Cli.withHome(home).run("tenant", "frobnicate");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("frobnicate");
        assertThat(r.errLines()).filteredOn(l -> l.startsWith("ERROR:")).hasSize(1);
    }

    @Test
    void missingSlugIsAUsageError() {
        Result r = Cli.withHome(home).run("tenant", "create");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .startsWith("ERROR: Missing required parameter")
                .contains("SLUG");
    }

    @Test
    void unreachableDatabaseExitsFiveNamingHostAndPortWithoutAStackTrace() throws IOException {
        int port = closedPort();

        Result r = Cli.withHome(home).run("--db-url", "jdbc:postgresql://127.0.0.1:" + port + "/crm", "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(5);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: cannot reach PostgreSQL at 127.0.0.1:" + port);
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verboseAddsTheStackTraceToTheErrorLine() throws IOException {
        int port = closedPort();

        Result r = Cli.withHome(home)
                .run("tenant", "list", "--verbose", "--db-url", "jdbc:postgresql://127.0.0.1:" + port + "/crm");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(5);
        assertThat(r.errLines().get(0)).startsWith("ERROR: cannot reach PostgreSQL at 127.0.0.1:" + port);
        assertThat(r.err()).contains("com.makcrm.core.error.CrmException", "\tat com.makcrm.");
        assertThat(r.errLines()).filteredOn(l -> l.startsWith("ERROR:")).hasSize(1);
    }

    @Test
    void rejectedLoginIsDatabaseUnavailableNotAnInternalError() {
        Result r = Cli.withHome(home)
                .run(
                        "--db-url",
                        db.jdbcUrl(),
                        "--db-user",
                        "no_such_role_" + suffix(),
                        "--db-password",
                        "s3cret-pw",
                        "tenant",
                        "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(5);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: PostgreSQL at " + hostPort() + " rejected the login")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void urlOfAnotherDatabaseKindIsAUsageError() {
        Result r = Cli.withHome(home).run("--db-url", "jdbc:mysql://localhost/crm", "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .containsExactly("ERROR: database URL must look like jdbc:postgresql://host:5432/database, got: "
                        + "jdbc:mysql://localhost/crm");
    }

    @Test
    void createsTheDatabaseNamedInTheUrlWhenItIsMissing() {
        String name = "crm_test_cli_new_" + suffix();
        DbState server = new DbState(db.dataSource());
        try {
            Result r = Cli.withHome(home)
                    .run(
                            "--db-url",
                            TestServices.postgres().jdbcUrl(name),
                            "--db-user",
                            db.user(),
                            "--db-password",
                            db.password(),
                            "tenant",
                            "create",
                            "first");

            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(server.optionalString("select datname from pg_database where datname = ?", name))
                    .contains(name);
            Result list = Cli.withHome(home)
                    .run(
                            "--db-url",
                            TestServices.postgres().jdbcUrl(name),
                            "--db-user",
                            db.user(),
                            "--db-password",
                            db.password(),
                            "tenant",
                            "list",
                            "-o",
                            "json");
            assertThat(list.out()).contains("\"slug\" : \"first\"");
        } finally {
            TestDatabase.dropQuietly(name);
        }
        assertThat(server.optionalString("select datname from pg_database where datname = ?", name))
                .isEmpty();
    }

    @Test
    void commandsOnAFreshDatabaseSetUpTheControlSchemaFirst() {
        Result r = Cli.against(db, home).run("tenant", "list", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().strip()).isEqualTo("[ ]");
        assertThat(new DbState(db.dataSource()).appliedVersions("crm_control")).startsWith("1");
    }

    private static String hostPort() {
        return TestServices.postgres().host() + ":" + TestServices.postgres().port();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    // a port that was free a moment ago: nothing listens there, so connecting is refused at once
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
