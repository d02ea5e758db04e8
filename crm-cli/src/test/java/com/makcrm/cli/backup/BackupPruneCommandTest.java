package com.makcrm.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code crm backup prune} and the verification records {@code list} shows, end to end over a file repository. */
class BackupPruneCommandTest {

    private static final JsonMapper JSON = new JsonMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    @TempDir
    Path repo;

    @TempDir
    Path dir;

    private Result crm(String... args) {
        return Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .run(args);
    }

    private List<String> backUp(String slug, int count) {
        assertThat(crm("tenant", "create", slug).exitCode()).isZero();
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> {
                    Result r = crm("backup", "create", "--tenant", slug, "-o", "json");
                    assertThat(r.exitCode()).as("%s", r).isZero();
                    List<Map<String, Object>> made = JSON.readValue(r.out(), new TypeReference<>() {});
                    return (String) made.get(0).get("backupId");
                })
                .toList();
    }

    private Path policy(String yaml) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<Map<String, Object>> listed(String slug) {
        Result list = crm("backup", "list", "--tenant", slug, "-o", "json");
        assertThat(list.exitCode()).as("%s", list).isZero();
        return JSON.readValue(list.out(), new TypeReference<>() {});
    }

    @Test
    void listShowsTheLastVerificationOfEachBackup() {
        List<String> ids = backUp("pr-listed", 2);

        assertThat(crm("backup", "verify", ids.get(0)).exitCode()).isZero();

        List<Map<String, Object>> backups = listed("pr-listed");
        @SuppressWarnings("unchecked")
        Map<String, Object> verified = (Map<String, Object>) backups.get(0).get("lastVerified");
        assertThat(verified)
                .containsEntry("kind", "verify")
                .containsEntry("ok", true)
                .containsKey("at");
        assertThat(backups.get(1)).containsEntry("lastVerified", null);
        Result table = crm("backup", "list", "--tenant", "pr-listed");
        assertThat(table.outLines().get(0)).contains("LAST VERIFIED");
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).startsWith(ids.get(0)).containsPattern("Z ok \\(verify\\)$"));
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).startsWith(ids.get(1)).endsWith("never"));
        Result show = crm("backup", "show", ids.get(0));
        assertThat(show.out()).contains("last verified: ").contains(" ok (verify)");
        Map<String, Object> shown =
                JSON.readValue(crm("backup", "show", ids.get(1), "-o", "json").out(), new TypeReference<>() {});
        assertThat(shown).containsEntry("lastVerified", null);
    }

    @Test
    void dryRunPrintsThePlanAndDeletesNothingThenPruneDeletesKeepingTheNewestVerified() throws IOException {
        List<String> ids = backUp("pr-pruned", 3);
        assertThat(crm("backup", "verify", ids.get(0)).exitCode()).isZero();
        Path policy = policy("keep-last: 1\n");

        Result dryRun = crm("backup", "prune", "--policy", policy.toString(), "--dry-run");

        assertThat(dryRun.exitCode()).as("%s", dryRun).isZero();
        assertThat(dryRun.outLines().get(0)).startsWith("GROUP").contains("BACKUP", "ACTION", "REASONS");
        assertThat(dryRun.outLines())
                .anySatisfy(l -> assertThat(l).contains(ids.get(2), "KEEP", "last 1"))
                .anySatisfy(l -> assertThat(l).contains(ids.get(1), "DELETE", "no rule keeps it"))
                .anySatisfy(l -> assertThat(l).contains(ids.get(0), "KEEP", "newest verified"));
        assertThat(dryRun.out()).contains("dry run: would delete 1 backup(s)", "nothing was deleted");
        assertThat(listed("pr-pruned")).hasSize(3);

        Result json = crm("backup", "prune", "--policy", policy.toString(), "--dry-run", "-o", "json");
        Map<String, Object> plan = JSON.readValue(json.out(), new TypeReference<>() {});
        assertThat(plan).containsEntry("dryRun", true).containsEntry("result", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) plan.get("backups");
        assertThat(decisions)
                .filteredOn(d -> "pr-pruned".equals(d.get("tenantSlug")))
                .extracting(d -> d.get("backupId"), d -> d.get("action"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ids.get(2), "KEEP"),
                        org.assertj.core.groups.Tuple.tuple(ids.get(1), "DELETE"),
                        org.assertj.core.groups.Tuple.tuple(ids.get(0), "KEEP"));

        Result prune = crm("backup", "prune", "--policy", policy.toString());

        assertThat(prune.exitCode()).as("%s", prune).isZero();
        assertThat(prune.out()).contains("deleted 1 backup(s)");
        assertThat(listed("pr-pruned")).extracting(b -> b.get("backupId")).containsExactly(ids.get(0), ids.get(2));
        assertThat(Files.exists(repo.resolve("backups").resolve(ids.get(1)))).isFalse();
        assertThat(crm("backup", "show", ids.get(1)).exitCode()).isEqualTo(3);
    }

    @Test
    void anInvalidPolicyIsAUsageErrorNamingTheKeyAndFileAndDeletesNothing() throws IOException {
        List<String> ids = backUp("pr-invalid", 2);
        Path policy = policy("keep-last: 1\nkeep-dayly: 7\n");

        Result r = crm("backup", "prune", "--policy", policy.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: policy file ")
                .contains("'keep-dayly'");
        Result nothing =
                crm("backup", "prune", "--policy", policy("keep-last: 0\n").toString());
        assertThat(nothing.exitCode()).as("%s", nothing).isEqualTo(2);
        assertThat(nothing.err()).contains("keeps nothing");
        Result missing =
                crm("backup", "prune", "--policy", dir.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(crm("backup", "prune").exitCode()).isEqualTo(2);
        assertThat(listed("pr-invalid")).extracting(b -> b.get("backupId")).containsExactlyElementsOf(ids);
    }

    @Test
    void theExamplePolicyOfTheRepositoryIsValid() {
        Path example = Path.of("..", "backups", "policy.yaml");
        assertThat(example).exists();
        com.makcrm.core.backup.RetentionPolicy policy = com.makcrm.core.backup.RetentionPolicy.load(example);
        assertThat(policy.defaults().keepsNothing()).isFalse();
    }
}
