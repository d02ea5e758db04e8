package com.makcrm.cli.backup;

import static com.makcrm.core.testsupport.CommandLineTools.onPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code crm backup create --cluster} end to end: real command line, real PostgreSQL and pg_dump. */
class ClusterBackupCommandsTest {

    private static final JsonMapper JSON = new JsonMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    @TempDir
    Path repo;

    @BeforeAll
    static void needsPgDump() {
        Assumptions.assumeTrue(onPath("pg_dump"), "pg_dump on the PATH");
    }

    private Cli cli() {
        return Cli.against(db, home).env("CRM_BACKUP_REPO", repo.toUri().toString());
    }

    private Result crm(String... args) {
        return cli().run(args);
    }

    @Test
    void createsListsShowsAndVerifiesAClusterBackup() {
        assertThat(crm("tenant", "create", "cl-one").exitCode()).isZero();

        Result create = crm("backup", "create", "--cluster");
        assertThat(create.exitCode()).as("%s", create).isZero();
        assertThat(create.outLines().get(0)).startsWith("KIND").contains("BACKUP", "DATABASE", "DUMP", "OBJECTS");
        assertThat(create.outLines().get(1)).startsWith("CLUSTER").contains(db.name());
        assertThat(create.err()).isEmpty();

        Result json = crm("backup", "create", "--cluster", "-o", "json");
        assertThat(json.exitCode()).as("%s", json).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(json.out(), new TypeReference<>() {});
        assertThat(manifests).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("kind", "CLUSTER").containsEntry("tenantSlug", null);
            assertThat(m.get("tables")).isEqualTo(List.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> dump = (Map<String, Object>) m.get("dump");
            assertThat(dump).containsEntry("database", db.name()).containsKeys("sha256", "bytes", "pgDumpVersion");
        });
        String id = (String) manifests.get(0).get("backupId");

        List<Map<String, Object>> listed =
                JSON.readValue(crm("backup", "list", "-o", "json").out(), new TypeReference<>() {});
        assertThat(listed).hasSize(2).allSatisfy(b -> assertThat(b).containsEntry("kind", "CLUSTER"));
        assertThat(((Number) listed.get(1).get("sizeBytes")).longValue()).isPositive();

        Result show = crm("backup", "show", id);
        assertThat(show.exitCode()).as("%s", show).isZero();
        assertThat(show.outLines().get(0)).contains("(CLUSTER) of database " + db.name());

        Result verify = crm("backup", "verify", id);
        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.out()).startsWith("backup " + id + " is sound: 1 part(s)");
    }

    @Test
    void clusterAndTenantAreMutuallyExclusive() {
        Result r = crm("backup", "create", "--cluster", "--tenant", "x");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("--cluster", "--tenant");
    }

    @Test
    void aMissingPgDumpExitsNineNamingTheFixAndLeavesNoBackup() {
        Result r =
                cli().env("CRM_PG_BIN", home.resolve("no-such-bin").toString()).run("backup", "create", "--cluster");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(9);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: pg_dump not found in CRM_PG_BIN=")
                .contains("install the PostgreSQL client tools");
        assertThat(crm("backup", "list", "-o", "json").out().strip()).isEqualTo("[ ]");
    }
}
