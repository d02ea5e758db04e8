package com.makcrm.cli.backup;

import static com.makcrm.core.testsupport.CommandLineTools.onPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code crm restore <cluster-backup-id> --target-db-url}: real command line, PostgreSQL, pg_dump, pg_restore. */
class ClusterRestoreCommandTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String TARGET =
            "crm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    @TempDir
    Path repo;

    @BeforeAll
    static void needsTools() {
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore on the PATH");
    }

    @AfterAll
    static void dropTarget() {
        TestDatabase.dropQuietly(TARGET);
    }

    private Result crm(String... args) {
        return Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .run(args);
    }

    @Test
    void restoresAClusterBackupIntoAnEmptyDatabaseOnlyOnce() throws SQLException {
        assertThat(crm("tenant", "create", "cl-restore").exitCode()).isZero();
        Result backup = crm("backup", "create", "--cluster", "-o", "json");
        assertThat(backup.exitCode()).as("%s", backup).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(backup.out(), new TypeReference<>() {});
        String id = (String) manifests.get(0).get("backupId");
        String targetUrl = db.jdbcUrl().replace("/" + db.name(), "/" + TARGET);

        Result restore = crm("restore", id, "--target-db-url", targetUrl);

        assertThat(restore.exitCode()).as("%s", restore).isZero();
        assertThat(restore.out()).startsWith("restored cluster backup " + id + " into ");
        assertThat(slugsIn(TARGET)).contains("cl-restore");

        Result again = crm("restore", id, "--target-db-url", targetUrl);
        assertThat(again.exitCode()).as("%s", again).isEqualTo(2);
        assertThat(again.errLines()).singleElement().asString().contains("is not empty", "schema crm_control");
    }

    private static List<String> slugsIn(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        if (!db.password().isEmpty()) {
            props.setProperty("password", db.password());
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl().replace("/" + db.name(), "/" + database), props);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select slug from crm_control.tenant")) {
            List<String> slugs = new java.util.ArrayList<>();
            while (rs.next()) {
                slugs.add(rs.getString(1));
            }
            return slugs;
        }
    }
}
