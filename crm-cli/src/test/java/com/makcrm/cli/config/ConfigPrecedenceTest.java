package com.makcrm.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.DbState;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the CLI finds its database: flag, then CRM_* variable, then config file. Three databases tell the sources
 * apart; a closed port stands for a source that must not win.
 */
class ConfigPrecedenceTest {

    @RegisterExtension
    static final TestDatabase fileDb = new TestDatabase();

    @RegisterExtension
    static final TestDatabase envDb = new TestDatabase();

    @RegisterExtension
    static final TestDatabase flagDb = new TestDatabase();

    @TempDir
    Path home;

    @Test
    void flagBeatsEnvironmentBeatsConfigFile() throws IOException {
        writeConfig(home.resolve(".config/crm/config.yaml"), fileDb.jdbcUrl(), fileDb.user(), fileDb.password());
        Cli cli = Cli.withHome(home).env("CRM_DATABASE_URL", envDb.jdbcUrl());

        Result flag = cli.run("tenant", "create", "from-flag", "--db-url", flagDb.jdbcUrl());
        Cli withoutEnv = Cli.withHome(home);
        Result env = cli.run("tenant", "create", "from-env");
        Result file = withoutEnv.run("tenant", "create", "from-file");

        assertThat(flag.exitCode()).as("%s", flag).isZero();
        assertThat(env.exitCode()).as("%s", env).isZero();
        assertThat(file.exitCode()).as("%s", file).isZero();
        // other tests of this class use the same three databases, but never these slugs
        assertThat(tenantsIn(flagDb)).contains("from-flag").doesNotContain("from-env", "from-file");
        assertThat(tenantsIn(envDb)).contains("from-env").doesNotContain("from-flag", "from-file");
        assertThat(tenantsIn(fileDb)).contains("from-file").doesNotContain("from-flag", "from-env");
    }

    @Test
    void eachSettingFallsBackOnItsOwn() throws IOException {
        // the file names a role that does not exist; the environment corrects only the user
        Path config = home.resolve(".config/crm/config.yaml");
        writeConfig(config, fileDb.jdbcUrl(), "no_such_role_in_config", fileDb.password());

        Result rejected = Cli.withHome(home).run("tenant", "list");
        Result corrected =
                Cli.withHome(home).env("CRM_DATABASE_USER", fileDb.user()).run("tenant", "list");

        assertThat(rejected.exitCode()).as("%s", rejected).isEqualTo(5);
        assertThat(rejected.errLines()).singleElement().asString().contains("rejected the login");
        assertThat(corrected.exitCode()).as("%s", corrected).isZero();
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() throws IOException {
        writeConfig(home.resolve(".config/crm/config.yaml"), fileDb.jdbcUrl(), fileDb.user(), fileDb.password());

        Result r = Cli.withHome(home)
                .env("CRM_DATABASE_URL", "")
                .env("CRM_CONFIG", "")
                .run("tenant", "list", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
    }

    @Test
    void readsTheConfigFileUnderXdgConfigHomeInsteadOfHome() throws IOException {
        Path xdg = home.resolve("xdg");
        writeConfig(xdg.resolve("crm/config.yaml"), flagDb.jdbcUrl(), flagDb.user(), flagDb.password());
        writeConfig(home.resolve(".config/crm/config.yaml"), closedUrl(), "postgres", "");

        Result r = Cli.withHome(home).env("XDG_CONFIG_HOME", xdg.toString()).run("tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isZero();
    }

    @Test
    void configFlagBeatsCrmConfigVariable() throws IOException {
        Path good = home.resolve("good.yaml");
        Path unreachable = home.resolve("unreachable.yaml");
        writeConfig(good, flagDb.jdbcUrl(), flagDb.user(), flagDb.password());
        String closed = closedUrl();
        writeConfig(unreachable, closed, "postgres", "");
        Cli cli = Cli.withHome(home).env("CRM_CONFIG", unreachable.toString());

        Result fromVariable = cli.run("tenant", "list");
        Result fromFlag = cli.run("tenant", "list", "--config", good.toString());

        assertThat(fromVariable.exitCode()).as("%s", fromVariable).isEqualTo(5);
        assertThat(fromVariable.errLines())
                .singleElement()
                .asString()
                .contains(closed.substring("jdbc:postgresql://".length(), closed.lastIndexOf('/')));
        assertThat(fromFlag.exitCode()).as("%s", fromFlag).isZero();
    }

    @Test
    void extraTenantMigrationsCanComeFromTheConfigFile() throws IOException {
        Path config = home.resolve("extra.yaml");
        Files.writeString(
                config,
                yaml(envDb.jdbcUrl(), envDb.user(), envDb.password())
                        + "migrations:\n  extraTenantLocations: classpath:db/test-next\n");

        Result r = Cli.withHome(home).run("--config", config.toString(), "tenant", "create", "with-extras");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("version 9500");
        DbState state = new DbState(envDb.dataSource());
        assertThat(state.appliedVersions(state.schemaOf("with-extras")))
                .startsWith("1")
                .endsWith("9500");
    }

    @Test
    void malformedConfigFileIsAUsageErrorNamingFileAndLine() throws IOException {
        Path config = home.resolve("broken.yaml");
        Files.writeString(config, "database:\n  url: [unclosed\n  user: postgres\n");

        Result r = Cli.withHome(home)
                .env("CRM_DATABASE_URL", fileDb.jdbcUrl())
                .run("--config", config.toString(), "tenant", "create", "never");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .isEqualTo("ERROR: config file " + config + " is not valid YAML: while parsing a flow sequence;"
                        + " expected ',' or ']', but got : (line 3)");
        assertThat(new DbState(fileDb.dataSource()).tenantExists("never")).isFalse();
    }

    @Test
    void malformedDefaultConfigFileIsReportedToo() throws IOException {
        Path config = home.resolve(".config/crm/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "database: {url: \"unterminated\n");

        Result r = Cli.withHome(home).run("tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ERROR: config file " + config);
    }

    @Test
    void configFileThatIsNotAMappingIsAUsageError() throws IOException {
        Path config = home.resolve("list.yaml");
        Files.writeString(config, "- database\n- url\n");

        Result r = Cli.withHome(home).run("--config", config.toString(), "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .containsExactly("ERROR: config file " + config + " must hold a YAML mapping (key: value)");
    }

    @Test
    void nestedValueWhereASettingBelongsIsAUsageError() throws IOException {
        Path config = home.resolve("nested.yaml");
        Files.writeString(config, "database:\n  url:\n    host: localhost\n");

        Result r = Cli.withHome(home).run("--config", config.toString(), "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .containsExactly("ERROR: config file " + config + ": 'database.url' must be a plain value");
    }

    @Test
    void missingExplicitConfigFileIsAUsageError() {
        Path missing = home.resolve("nope.yaml");

        Result r = Cli.withHome(home).env("CRM_CONFIG", missing.toString()).run("tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ERROR: config file " + missing + " does not exist");
    }

    @Test
    void configPathThatIsADirectoryIsAUsageErrorWithoutABogusLine() {
        Result r = Cli.withHome(home).run("--config", home.toString(), "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ERROR: config file " + home);
        assertThat(r.err()).doesNotContain("line -1");
    }

    @Test
    void emptyConfigFileLeavesTheOtherSourcesInCharge() throws IOException {
        Path config = home.resolve("empty.yaml");
        Files.writeString(config, "");

        Result r = Cli.withHome(home)
                .env("CRM_DATABASE_URL", fileDb.jdbcUrl())
                .run("--config", config.toString(), "tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isZero();
    }

    private static List<String> tenantsIn(TestDatabase db) {
        DbState state = new DbState(db.dataSource());
        if (state.tenantRows() == 0) {
            return List.of();
        }
        return state.optionalString("select string_agg(slug, ',' order by slug) from crm_control.tenant")
                .map(s -> List.of(s.split(",")))
                .orElse(List.of());
    }

    private static void writeConfig(Path file, String url, String user, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml(url, user, password));
    }

    private static String yaml(String url, String user, String password) {
        return "# written by ConfigPrecedenceTest\ndatabase:\n  url: \"" + url + "\"\n  user: \"" + user
                + "\"\n  password: \"" + password + "\"\n";
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/crm";
        }
    }
}
