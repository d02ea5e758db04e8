package com.makcrm.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.DbState;
import com.makcrm.core.CrmCore;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code crm migrate ...} end to end. Each test gets a database of its own, so "all tenants" are exactly the ones
 * it creates. The extra migration sets come from crm-core's test resources.
 */
class MigrateCommandsTest {

    private static final String NEXT = "classpath:db/test-next"; // V9500, trivial
    private static final String POISON = "classpath:db/test-poison"; // V9300, fails where a table 'poison' exists
    private static final String COUNTED = "classpath:db/test-counted"; // V9400, counts its runs, slowly

    @TempDir
    Path home;

    private TestDatabase db;
    private DbState state;
    // what this build's own migrations give a new tenant and the control schema; they grow release by release
    private List<String> baseline;
    private String base;
    private String controlVersion;

    @BeforeEach
    void createDatabase() throws Exception {
        db = new TestDatabase();
        db.beforeAll(null);
        state = new DbState(db.dataSource());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.afterAll(null);
    }

    private Result crm(String... args) {
        return Cli.against(db, home).run(args);
    }

    private Result crmWith(String extraMigrations, String... args) {
        return Cli.against(db, home)
                .env("CRM_EXTRA_TENANT_MIGRATIONS", extraMigrations)
                .run(args);
    }

    // set-up through crm-core directly: one bootstrap instead of one CLI run per tenant keeps the class fast
    private void createTenants(String... slugs) {
        CrmCore core = CrmCore.create(db.dataSource());
        core.migrations().migrateControl();
        for (String slug : slugs) {
            core.tenants().create(slug, null, "test-setup");
        }
        baseline = state.appliedVersions(state.schemaOf(slugs[0]));
        assertThat(baseline).startsWith("1");
        base = last(baseline);
        controlVersion = last(state.appliedVersions("crm_control"));
    }

    private List<String> baselinePlus(String version) {
        List<String> versions = new ArrayList<>(baseline);
        versions.add(version);
        return versions;
    }

    private static String last(List<String> versions) {
        return versions.get(versions.size() - 1);
    }

    @Test
    void upAppliesANewMigrationToActiveAndSuspendedTenantsOnlyAndReportsEach() {
        createTenants("alpha", "bravo", "charlie", "delta");
        crm("tenant", "suspend", "charlie");
        crm("tenant", "delete", "delta", "--confirm", "delta");

        Result r = crmWith(NEXT, "migrate", "up", "--parallel", "2");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines())
                .filteredOn(line -> line.contains(": " + base + " -> 9500 (applied 9500) in "))
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactlyInAnyOrder("alpha", "bravo", "charlie");
        assertThat(r.outLines()).noneMatch(line -> line.startsWith("delta"));
        assertThat(r.outLines().get(r.outLines().size() - 1))
                .matches("migrated 3 tenant\\(s\\): 3 ok, 0 failed in \\d+ ms");
        assertThat(r.err()).isEmpty();
        for (String slug : List.of("alpha", "bravo", "charlie")) {
            assertThat(state.appliedVersions(state.schemaOf(slug))).isEqualTo(baselinePlus("9500"));
            assertThat(state.recordedSchemaVersion(slug)).contains("9500");
        }
        assertThat(state.appliedVersions(state.schemaOf("delta"))).isEqualTo(baseline);

        Result again = crmWith(NEXT, "migrate", "up");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).contains("alpha: up to date at 9500", "migrated 3 tenant(s): 3 ok, 0 failed");
    }

    @Test
    void dryRunListsWhatWouldRunAndChangesNothing() {
        createTenants("alpha", "bravo");

        Result r = crmWith(NEXT, "migrate", "up", "--dry-run");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out())
                .contains(
                        "alpha: would apply 9500 (now at " + base + ")",
                        "bravo: would apply 9500 (now at " + base + ")")
                .contains("planned 2 tenant(s): 2 ok, 0 failed");
        for (String slug : List.of("alpha", "bravo")) {
            assertThat(state.appliedVersions(state.schemaOf(slug))).isEqualTo(baseline);
            assertThat(state.recordedSchemaVersion(slug)).contains(base);
        }
    }

    @Test
    void upAsJsonPrintsOnlyTheDocumentedStructure() {
        createTenants("alpha");

        Result dry = crmWith(NEXT, "migrate", "up", "--dry-run", "-o", "json");
        Result r = crmWith(NEXT, "migrate", "up", "-o", "json");

        JsonMapper json = new JsonMapper();
        Map<String, Object> plan = json.readValue(dry.out(), new TypeReference<>() {});
        assertThat(plan).containsEntry("dryRun", true).containsEntry("failed", 0);
        assertThat(tenants(plan))
                .singleElement()
                .satisfies(
                        t -> assertThat(t).containsEntry("state", "PLANNED").containsEntry("applied", List.of("9500")));

        assertThat(r.exitCode()).as("%s", r).isZero();
        Map<String, Object> report = json.readValue(r.out(), new TypeReference<>() {});
        assertThat(report.keySet()).containsExactly("dryRun", "controlVersion", "durationMs", "failed", "tenants");
        assertThat(report)
                .containsEntry("dryRun", false)
                .containsEntry("controlVersion", controlVersion)
                .containsEntry("failed", 0);
        assertThat(report.get("durationMs")).isInstanceOf(Number.class);
        assertThat(tenants(report)).singleElement().satisfies(t -> {
            assertThat(t.keySet())
                    .containsExactly("tenant", "state", "fromVersion", "toVersion", "applied", "durationMs", "error");
            assertThat(t)
                    .containsEntry("tenant", "alpha")
                    .containsEntry("state", "OK")
                    .containsEntry("fromVersion", base)
                    .containsEntry("toVersion", "9500")
                    .containsEntry("applied", List.of("9500"))
                    .containsEntry("error", null);
        });
        assertThat(state.appliedVersions(state.schemaOf("alpha"))).isEqualTo(baselinePlus("9500"));
    }

    @Test
    void failingTenantDoesNotStopTheOthersAndARerunFinishesTheJob() {
        createTenants("alpha", "bravo", "charlie");
        String poisoned = state.schemaOf("bravo");
        state.execute("create table " + poisoned + ".poison (id int)");

        Result failed = crmWith(POISON, "migrate", "up", "--parallel", "3");

        assertThat(failed.exitCode()).as("%s", failed).isEqualTo(6);
        assertThat(failed.out())
                .contains("bravo: FAILED: ", "poisoned tenant schema " + poisoned)
                .contains("alpha: " + base + " -> 9300", "charlie: " + base + " -> 9300")
                .contains("migrated 3 tenant(s): 2 ok, 1 failed");
        assertThat(failed.errLines())
                .containsExactly("ERROR: 1 of 3 tenant(s) failed to migrate (bravo); fix the cause and run"
                        + " 'crm migrate up' again to resume");
        assertThat(state.appliedVersions(state.schemaOf("alpha"))).isEqualTo(baselinePlus("9300"));
        assertThat(state.appliedVersions(state.schemaOf("charlie"))).isEqualTo(baselinePlus("9300"));
        assertThat(state.appliedVersions(poisoned)).isEqualTo(baseline);
        assertThat(state.recordedSchemaVersion("bravo")).contains(base);

        state.execute("drop table " + poisoned + ".poison");
        Result rerun = crmWith(POISON, "migrate", "up");

        assertThat(rerun.exitCode()).as("%s", rerun).isZero();
        assertThat(rerun.out())
                .contains("bravo: " + base + " -> 9300", "alpha: up to date at 9300", "charlie: up to date at 9300")
                .contains("migrated 3 tenant(s): 3 ok, 0 failed");
        assertThat(rerun.err()).isEmpty();
        assertThat(state.appliedVersions(poisoned)).isEqualTo(baselinePlus("9300"));
        assertThat(state.recordedSchemaVersion("bravo")).contains("9300");
    }

    @Test
    void failureShowsInJsonToo() {
        createTenants("alpha", "bravo");
        state.execute("create table " + state.schemaOf("alpha") + ".poison (id int)");

        Result r = crmWith(POISON, "migrate", "up", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(6);
        Map<String, Object> report = new JsonMapper().readValue(r.out(), new TypeReference<>() {});
        assertThat(report).containsEntry("failed", 1);
        Map<String, Object> alpha = tenants(report).stream()
                .filter(t -> "alpha".equals(t.get("tenant")))
                .findFirst()
                .orElseThrow();
        assertThat(alpha).containsEntry("state", "FAILED").containsEntry("applied", List.of());
        assertThat((String) alpha.get("error")).contains("poisoned tenant schema");
        assertThat(r.errLines()).singleElement().asString().startsWith("ERROR: 1 of 2 tenant(s) failed");
    }

    @Test
    void upForNamedTenantsTouchesOnlyThose() {
        createTenants("alpha", "bravo", "charlie");

        Result r = crmWith(NEXT, "migrate", "up", "--tenant", "alpha", "--tenant", "charlie");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("migrated 2 tenant(s): 2 ok, 0 failed").doesNotContain("bravo");
        assertThat(state.appliedVersions(state.schemaOf("alpha"))).isEqualTo(baselinePlus("9500"));
        assertThat(state.appliedVersions(state.schemaOf("bravo"))).isEqualTo(baseline);
        assertThat(state.appliedVersions(state.schemaOf("charlie"))).isEqualTo(baselinePlus("9500"));
    }

    @Test
    void upForAnUnknownTenantIsNotFoundAndMigratesNobody() {
        createTenants("alpha");

        Result r = crmWith(NEXT, "migrate", "up", "--tenant", "alpha", "--tenant", "nobody-here");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ERROR: tenant 'nobody-here' not found");
        assertThat(state.appliedVersions(state.schemaOf("alpha"))).isEqualTo(baseline);
    }

    @Test
    void upForADeletedTenantIsAConflict() {
        createTenants("alpha");
        crm("tenant", "delete", "alpha", "--confirm", "alpha");

        Result r = crmWith(NEXT, "migrate", "up", "--tenant", "alpha");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.errLines()).singleElement().asString().contains("'alpha' is DELETED");
    }

    @Test
    void parallelismOutsideOneToSixtyFourIsAUsageError() {
        Result zero = crm("migrate", "up", "--parallel", "0");
        Result tooMany = crm("migrate", "up", "--parallel", "65");
        Result notANumber = crm("migrate", "up", "--parallel", "many");

        assertThat(zero.exitCode()).as("%s", zero).isEqualTo(2);
        assertThat(zero.errLines()).containsExactly("ERROR: parallelism must be between 1 and 64, got 0");
        assertThat(tooMany.exitCode()).as("%s", tooMany).isEqualTo(2);
        assertThat(notANumber.exitCode()).as("%s", notANumber).isEqualTo(2);
        assertThat(notANumber.errLines().get(0)).startsWith("ERROR: ").contains("many");
    }

    @Test
    void statusShowsCurrentAndPendingVersionsAndFlagsAChangedScript() {
        createTenants("alpha", "bravo");
        String tampered = state.schemaOf("alpha");
        state.execute("update " + tampered + ".flyway_schema_history set checksum = checksum + 1 where version = '1'");

        Result table = crmWith(NEXT, "migrate", "status");

        assertThat(table.exitCode()).as("%s", table).isZero();
        assertThat(table.outLines().get(0)).matches("TENANT +STATUS +VERSION +PENDING +DRIFT");
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).matches("\\(control\\) +- +" + controlVersion + " +- +-"));
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).matches("alpha +ACTIVE +" + base + " +9500 +CHECKSUM_MISMATCH 1"));
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).matches("bravo +ACTIVE +" + base + " +9500 +-"));

        Result json = crmWith(NEXT, "migrate", "status", "-o", "json");

        assertThat(json.exitCode()).as("%s", json).isZero();
        Map<String, Object> status = new JsonMapper().readValue(json.out(), new TypeReference<>() {});
        assertThat(status).containsEntry("latestTenantVersion", "9500");
        assertThat(status.get("control"))
                .isEqualTo(Map.of("currentVersion", controlVersion, "pending", List.of(), "drift", List.of()));
        Map<String, Object> alpha = tenants(status).stream()
                .filter(t -> "alpha".equals(t.get("tenant")))
                .findFirst()
                .orElseThrow();
        assertThat(alpha)
                .containsEntry("status", "ACTIVE")
                .containsEntry("currentVersion", base)
                .containsEntry("pending", List.of("9500"))
                .containsEntry("error", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drift = (List<Map<String, Object>>) alpha.get("drift");
        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("version", "1").containsEntry("kind", "CHECKSUM_MISMATCH");
            assertThat((String) d.get("message")).contains("changed after it was applied");
        });
        assertThat(state.appliedVersions(tampered)).isEqualTo(baseline); // status changes nothing
    }

    @Test
    void validatePassesWithPendingMigrationsAndFailsOnEachKindOfDrift() {
        createTenants("alpha", "bravo", "charlie");

        Result clean = crmWith(NEXT, "migrate", "validate");
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).isEqualTo("all 4 schemas match this build\n");
        assertThat(clean.err()).isEmpty();

        state.execute("update " + state.schemaOf("alpha")
                + ".flyway_schema_history set checksum = checksum + 1 where version = '1'");
        assertThat(crmWith(NEXT, "migrate", "up", "--tenant", "bravo").exitCode())
                .isZero();
        Result drifted = crm("migrate", "validate"); // this build no longer ships 9500

        assertThat(drifted.exitCode()).as("%s", drifted).isEqualTo(6);
        assertThat(drifted.errLines())
                .anySatisfy(l -> assertThat(l).startsWith("alpha: CHECKSUM_MISMATCH 1: migration 1 was changed"))
                .anySatisfy(l -> assertThat(l)
                        .isEqualTo("bravo: UNKNOWN_APPLIED 9500: applied version 9500 is unknown to this build"))
                .noneMatch(l -> l.startsWith("charlie"))
                .filteredOn(l -> l.startsWith("ERROR:"))
                .containsExactly("ERROR: 2 schema(s) drifted from this build; see lines above");
        assertThat(drifted.out()).isEmpty();
    }

    @Test
    void twoConcurrentMigrateUpRunsApplyEachMigrationOnce() {
        createTenants("alpha", "bravo");

        CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> crmWith(COUNTED, "migrate", "up"));
        CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> crmWith(COUNTED, "migrate", "up"));
        Result a = first.join();
        Result b = second.join();

        assertThat(a.exitCode()).as("%s", a).isZero();
        assertThat(b.exitCode()).as("%s", b).isZero();
        for (String slug : List.of("alpha", "bravo")) {
            String schema = state.schemaOf(slug);
            assertThat(state.optionalString("select count(*)::text from " + schema + ".migration_runs"))
                    .as("runs of V9400 in %s", slug)
                    .contains("1");
            assertThat(state.appliedVersions(schema)).isEqualTo(baselinePlus("9400"));
        }
    }

    @Test
    void statusAndUpOnADatabaseWithoutTenantsReportNothingToDo() {
        Result status = crm("migrate", "status", "-o", "json");
        Result up = crm("migrate", "up");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(tenants(new JsonMapper().readValue(status.out(), new TypeReference<>() {})))
                .isEmpty();
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).startsWith("migrated 0 tenant(s): 0 ok, 0 failed");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tenants(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("tenants");
    }
}
