package com.makcrm.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.DbState;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code crm restore} and {@code crm backup verify --drill} end to end: real command line and PostgreSQL. */
class RestoreCommandTest {

    private static final JsonMapper JSON = new JsonMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    @TempDir
    Path repo;

    private Result crm(String... args) {
        return Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .run(args);
    }

    private String backUp(String slug) {
        Result r = crm("backup", "create", "--tenant", slug, "-o", "json");
        assertThat(r.exitCode()).as("%s", r).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(r.out(), new TypeReference<>() {});
        return (String) manifests.get(0).get("backupId");
    }

    /** Runs a statement in a tenant's schema, as the server would. */
    private void sqlIn(String slug, String statement) throws SQLException {
        String schema = new DbState(db.dataSource()).schemaOf(slug);
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to \"" + schema + "\", public");
            s.execute(statement);
            s.execute("reset search_path");
        }
    }

    private long companies(String slug) throws SQLException {
        String schema = new DbState(db.dataSource()).schemaOf(slug);
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from \"" + schema + "\".company")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void restoresATenantOnlyWithForceAndAsAClone() throws SQLException {
        assertThat(crm("tenant", "create", "rs-acme").exitCode()).isZero();
        sqlIn("rs-acme", "insert into company (id, name) values (gen_random_uuid(), 'Acme')");
        String id = backUp("rs-acme");
        sqlIn("rs-acme", "insert into company (id, name) values (gen_random_uuid(), 'After the backup')");

        Result refused = crm("restore", id);
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(4);
        assertThat(refused.errLines()).singleElement().asString().startsWith("ERROR: tenant 'rs-acme' exists");
        assertThat(companies("rs-acme")).isEqualTo(2);

        Result restored = crm("restore", id, "--tenant", "rs-acme", "--force");
        assertThat(restored.exitCode()).as("%s", restored).isZero();
        assertThat(restored.out()).contains("restored tenant rs-acme from backup " + id);
        assertThat(companies("rs-acme")).isEqualTo(1);

        Result clone = crm("restore", id, "--as", "rs-acme-copy", "-o", "json");
        assertThat(clone.exitCode()).as("%s", clone).isZero();
        Map<String, Object> view = JSON.readValue(clone.out(), new TypeReference<>() {});
        assertThat(view).containsEntry("tenantSlug", "rs-acme-copy").containsEntry("status", "ACTIVE");
        assertThat(companies("rs-acme-copy")).isEqualTo(1);
        assertThat(new DbState(db.dataSource()).tenantStatus("rs-acme-copy")).contains("ACTIVE");
    }

    @Test
    void aDamagedPartExitsSevenAndChangesNothing() throws IOException, SQLException {
        assertThat(crm("tenant", "create", "rs-damaged").exitCode()).isZero();
        String id = backUp("rs-damaged");
        Path part = repo.resolve("backups").resolve(id).resolve("tables").resolve("pipeline_stage.copy.zst");
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(part, bytes);
        long before = companies("rs-damaged");

        Result r = crm("restore", id, "--force");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: backup " + id + " is damaged: the part of table pipeline_stage");
        assertThat(companies("rs-damaged")).isEqualTo(before);
        assertThat(crm("backup", "verify", id, "--drill").exitCode()).isEqualTo(7);
    }

    @Test
    void aDrillRestoresIntoAScratchSchemaAndReportsAMatch() {
        assertThat(crm("tenant", "create", "rs-drill").exitCode()).isZero();
        String id = backUp("rs-drill");

        Result human = crm("backup", "verify", id, "--drill");
        Result json = crm("backup", "verify", id, "--drill", "-o", "json");

        assertThat(human.exitCode()).as("%s", human).isZero();
        assertThat(human.out()).contains("drill of backup " + id + " passed");
        assertThat(json.exitCode()).as("%s", json).isZero();
        Map<String, Object> drill = JSON.readValue(json.out(), new TypeReference<>() {});
        assertThat(drill).containsEntry("backupId", id).containsEntry("ok", true);
        assertThat(drill.get("drill")).asString().contains("ok=true", "problems=[]");
        List<Map<String, Object>> listed =
                JSON.readValue(crm("backup", "list", "-o", "json").out(), new TypeReference<>() {});
        assertThat(listed.get(0).get("lastVerified")).asString().contains("kind=drill", "ok=true");
    }

    @Test
    void unknownBackupAndMixedOptionsAreClearErrors() {
        String id = UUID.randomUUID().toString();

        Result unknown = crm("restore", id);
        Result mixed = crm("restore", id, "--as", "rs-x", "--force");

        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(3);
        assertThat(unknown.errLines()).singleElement().asString().startsWith("ERROR: backup " + id + " not found");
        assertThat(mixed.exitCode()).as("%s", mixed).isIn(2, 3);
    }
}
