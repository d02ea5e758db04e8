package com.makcrm.cli.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.DbState;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code crm tenant ...} end to end: real command line, real PostgreSQL, each test with slugs of its own. */
class TenantCommandsTest {

    private static final List<String> DOCUMENTED_FIELDS = List.of(
            "id",
            "slug",
            "name",
            "status",
            "schema",
            "shard",
            "schemaVersion",
            "createdAt",
            "updatedAt",
            "deletedAt",
            "purgeAfter");
    private static final String SLUG_RULE = "3-40 characters: lowercase letters, digits and '-'";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    private static DbState state;

    @BeforeAll
    static void setUp() {
        state = new DbState(db.dataSource());
    }

    private static Result crm(String... args) {
        return Cli.against(db, home).run(args);
    }

    @Test
    void createProvisionsAnActiveTenantWithItsOwnSchema() {
        Result r = crm("tenant", "create", "acme", "--name", "Acme Inc.");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("created tenant acme (ACTIVE, schema t_");
        assertThat(r.err()).isEmpty();
        assertThat(state.tenantStatus("acme")).contains("ACTIVE");
        assertThat(state.tenantName("acme")).contains("Acme Inc.");
        String schema = state.schemaOf("acme");
        assertThat(r.out()).contains(schema);
        assertThat(state.schemaExists(schema)).isTrue();
        List<String> applied = state.appliedVersions(schema);
        assertThat(applied).startsWith("1");
        String latest = applied.get(applied.size() - 1);
        assertThat(r.out()).contains(", version " + latest + ")");
        assertThat(state.recordedSchemaVersion("acme")).contains(latest);
    }

    @Test
    void createOfAnIdenticalActiveTenantChangesNothingAndSucceeds() {
        assertThat(crm("tenant", "create", "twice", "--name", "Twice").exitCode())
                .isZero();
        String schema = state.schemaOf("twice");

        Result again = crm("tenant", "create", "twice", "--name", "Twice");

        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).contains("tenant twice already exists with this name; nothing changed");
        assertThat(state.schemaOf("twice")).isEqualTo(schema);
        assertThat(state.optionalString("select count(*)::text from crm_control.tenant where slug = 'twice'"))
                .contains("1");
    }

    @Test
    void createWithAnotherNameIsAConflictOnOneErrorLine() {
        assertThat(crm("tenant", "create", "clash", "--name", "First").exitCode())
                .isZero();

        Result r = crm("tenant", "create", "clash", "--name", "Second");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: ")
                .contains("'clash' already exists");
        assertThat(r.out()).isEmpty();
        assertThat(state.tenantName("clash")).contains("First");
    }

    @Test
    void rejectsASlugAgainstTheRuleAndExplainsTheRule() {
        Result r = crm("tenant", "create", "Bad_Slug");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: invalid tenant slug 'Bad_Slug'")
                .contains(SLUG_RULE);
        assertThat(state.tenantExists("Bad_Slug")).isFalse();
    }

    @Test
    void rejectsAReservedSlug() {
        Result r = crm("tenant", "create", "admin");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("'admin' is reserved", SLUG_RULE);
        assertThat(state.tenantExists("admin")).isFalse();
    }

    @Test
    void showOfAnUnknownTenantIsNotFoundAndNamesTheSlug() {
        Result r = crm("tenant", "show", "ghost-tenant");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ERROR: tenant 'ghost-tenant' not found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void errorsAreInTheLanguageOfLangWithTheErrorPrefixKept() {
        Result flag = crm("--lang", "ru", "tenant", "show", "ghost-tenant");
        Result env = Cli.against(db, home).env("LANG", "ru_RU.UTF-8").run("tenant", "show", "ghost-tenant");

        assertThat(flag.exitCode()).as("%s", flag).isEqualTo(3);
        assertThat(flag.errLines()).containsExactly("ERROR: тенант «ghost-tenant» не найден");
        assertThat(env.errLines()).containsExactly("ERROR: тенант «ghost-tenant» не найден");
    }

    @Test
    void suspendOfAnUnknownTenantIsNotFound() {
        Result r = crm("tenant", "suspend", "ghost-two");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ERROR: tenant 'ghost-two' not found");
    }

    @Test
    void listAsJsonHoldsEveryTenantWithTheDocumentedFields() {
        crm("tenant", "create", "list-json-a", "--name", "A");
        crm("tenant", "create", "list-json-b");

        Result r = crm("tenant", "list", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<Map<String, Object>> tenants = new JsonMapper().readValue(r.out(), new TypeReference<>() {});
        Map<String, Object> a = bySlug(tenants, "list-json-a");
        assertThat(a.keySet()).containsAll(DOCUMENTED_FIELDS);
        assertThat(a)
                .containsEntry("name", "A")
                .containsEntry("status", "ACTIVE")
                .containsEntry("shard", "default")
                .containsEntry(
                        "schemaVersion",
                        state.recordedSchemaVersion("list-json-a").orElseThrow())
                .containsEntry("schema", state.schemaOf("list-json-a"))
                .containsEntry("deletedAt", null);
        assertThat((String) a.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat((String) a.get("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(bySlug(tenants, "list-json-b")).containsEntry("name", "list-json-b");
    }

    @Test
    void listAsYamlParsesToTheSameFields() {
        crm("tenant", "create", "list-yaml");

        Result r = crm("tenant", "list", "-o", "yaml");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<Map<String, Object>> tenants = new YAMLMapper().readValue(r.out(), new TypeReference<>() {});
        assertThat(bySlug(tenants, "list-yaml").keySet()).containsAll(DOCUMENTED_FIELDS);
        assertThat(bySlug(tenants, "list-yaml")).containsEntry("status", "ACTIVE");
    }

    @Test
    void listAsTableShowsAHeaderAndARowPerTenant() {
        crm("tenant", "create", "list-table", "--name", "Table Co");

        Result r = crm("tenant", "list");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines().get(0)).startsWith("SLUG").contains("NAME", "STATUS", "VERSION", "SHARD", "CREATED");
        assertThat(r.outLines())
                .anySatisfy(line -> assertThat(line).startsWith("list-table").contains("Table Co", "ACTIVE"));
    }

    @Test
    void showAsJsonIncludesRecentOperationsWithTheActor() {
        crm("tenant", "create", "show-json");
        crm("tenant", "suspend", "show-json");

        Result r = crm("tenant", "show", "show-json", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
        Map<String, Object> tenant = new JsonMapper().readValue(r.out(), new TypeReference<>() {});
        assertThat(tenant.keySet()).containsAll(DOCUMENTED_FIELDS).contains("recentOperations");
        assertThat(tenant).containsEntry("slug", "show-json").containsEntry("status", "SUSPENDED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ops = (List<Map<String, Object>>) tenant.get("recentOperations");
        assertThat(ops).extracting(op -> op.get("operation")).containsExactly("suspend", "create");
        assertThat(ops)
                .allSatisfy(op -> assertThat(op)
                        .containsEntry("actor", "tester@cli")
                        .containsEntry("outcome", "OK")
                        .containsKeys("detail", "startedAt", "finishedAt"));
    }

    @Test
    void showAsYamlAndAsTableDescribeTheSameTenant() {
        crm("tenant", "create", "show-yaml", "--name", "Yaml Ltd");

        Result yaml = crm("tenant", "show", "show-yaml", "-o", "yaml");
        Result table = crm("tenant", "show", "show-yaml");

        assertThat(yaml.exitCode()).as("%s", yaml).isZero();
        Map<String, Object> tenant = new YAMLMapper().readValue(yaml.out(), new TypeReference<>() {});
        assertThat(tenant).containsEntry("name", "Yaml Ltd").containsEntry("schema", state.schemaOf("show-yaml"));
        assertThat(table.exitCode()).as("%s", table).isZero();
        assertThat(table.out()).contains("FIELD", "VALUE", "Yaml Ltd", state.schemaOf("show-yaml"), "operation");
    }

    @Test
    void rejectsAnUnknownOutputFormat() {
        Result r = crm("tenant", "list", "-o", "xml");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("xml");
    }

    @Test
    void suspendAndResumeChangeTheStatusAndRepeatingThemIsANoOp() {
        crm("tenant", "create", "toggle");

        Result suspend = crm("tenant", "suspend", "toggle");
        assertThat(suspend.exitCode()).as("%s", suspend).isZero();
        assertThat(suspend.out()).isEqualTo("tenant toggle is SUSPENDED\n");
        assertThat(state.tenantStatus("toggle")).contains("SUSPENDED");

        Result again = crm("tenant", "suspend", "toggle");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(state.tenantStatus("toggle")).contains("SUSPENDED");

        Result resume = crm("tenant", "resume", "toggle", "-o", "json");
        assertThat(resume.exitCode()).as("%s", resume).isZero();
        Map<String, Object> json = new JsonMapper().readValue(resume.out(), new TypeReference<>() {});
        assertThat(json).containsEntry("slug", "toggle").containsEntry("status", "ACTIVE");
        assertThat(state.tenantStatus("toggle")).contains("ACTIVE");
    }

    @Test
    void deleteIsSoftAndKeepsSchemaAndSlugThenPurgeDropsBoth() {
        crm("tenant", "create", "doomed");
        String schema = state.schemaOf("doomed");

        Result delete = crm("tenant", "delete", "doomed", "--confirm", "doomed");
        assertThat(delete.exitCode()).as("%s", delete).isZero();
        assertThat(delete.out()).contains("tenant doomed deleted; data kept until", "--purge");
        assertThat(state.tenantStatus("doomed")).contains("DELETED");
        assertThat(state.schemaExists(schema)).isTrue();

        Result recreate = crm("tenant", "create", "doomed");
        assertThat(recreate.exitCode()).as("%s", recreate).isEqualTo(4);
        assertThat(recreate.errLines()).singleElement().asString().contains("reserved by a deleted tenant", "--purge");

        Result resume = crm("tenant", "resume", "doomed");
        assertThat(resume.exitCode()).as("%s", resume).isEqualTo(4);

        Result purge = crm("tenant", "delete", "doomed", "--confirm", "doomed", "--purge");
        assertThat(purge.exitCode()).as("%s", purge).isZero();
        assertThat(purge.out()).contains("tenant doomed purged: schema " + schema + " dropped, slug free");
        assertThat(purge.err())
                .as("no object store named: the files left behind are pointed out")
                .contains("WARNING: CRM_STORAGE_URL is not set");
        assertThat(state.schemaExists(schema)).isFalse();
        assertThat(state.tenantStatus("doomed")).isEmpty();
        assertThat(crm("tenant", "list", "-o", "json").out()).doesNotContain("\"doomed\"");

        Result createAgain = crm("tenant", "create", "doomed");
        assertThat(createAgain.exitCode()).as("%s", createAgain).isZero();
        assertThat(state.schemaOf("doomed")).isNotEqualTo(schema);
    }

    @Test
    void purgeRemovesTheTenantsStoredFilesFromTheObjectStore(@TempDir Path store) throws IOException {
        crm("tenant", "create", "filed");
        crm("tenant", "create", "neighbour");
        String filed = state.tenantId("filed");
        String neighbour = state.tenantId("neighbour");
        Path filedAttachment = store.resolve("tenants/" + filed + "/attachments/a");
        Path neighbourAttachment = store.resolve("tenants/" + neighbour + "/attachments/b");
        for (Path file : List.of(filedAttachment, neighbourAttachment)) {
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1, 2, 3});
        }

        Result purge = Cli.against(db, home)
                .env("CRM_STORAGE_URL", store.toUri().toString())
                .run("tenant", "delete", "filed", "--confirm", "filed", "--purge");

        assertThat(purge.exitCode()).as("%s", purge).isZero();
        assertThat(purge.out()).contains("its stored files (tenants/" + filed + "/) removed");
        assertThat(purge.err()).doesNotContain("WARNING");
        assertThat(filedAttachment).doesNotExist();
        assertThat(neighbourAttachment).exists();
    }

    @Test
    void deleteWithAWrongConfirmationIsAUsageErrorAndDeletesNothing() {
        crm("tenant", "create", "keeper");
        String schema = state.schemaOf("keeper");

        Result r = crm("tenant", "delete", "keeper", "--confirm", "keepr", "--purge");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo("ERROR: --confirm must repeat the tenant slug 'keeper' (got 'keepr')");
        assertThat(state.tenantStatus("keeper")).contains("ACTIVE");
        assertThat(state.schemaExists(schema)).isTrue();
    }

    @Test
    void deleteWithoutConfirmationIsAUsageError() {
        crm("tenant", "create", "unconfirmed");

        Result r = crm("tenant", "delete", "unconfirmed");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("--confirm");
        assertThat(state.tenantStatus("unconfirmed")).contains("ACTIVE");
    }

    @Test
    void failedOperationsAreWrittenToTheOperationLog() {
        crm("tenant", "create", "audited", "--name", "One");
        crm("tenant", "create", "audited", "--name", "Two");

        Result r = crm("tenant", "show", "audited", "-o", "json");

        Map<String, Object> tenant = new JsonMapper().readValue(r.out(), new TypeReference<>() {});
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ops = (List<Map<String, Object>>) tenant.get("recentOperations");
        assertThat(ops.get(0)).containsEntry("operation", "create").containsEntry("outcome", "FAILED");
        assertThat((String) ops.get(0).get("detail")).contains("already exists");
    }

    private static Map<String, Object> bySlug(List<Map<String, Object>> tenants, String slug) {
        return tenants.stream()
                .filter(t -> slug.equals(t.get("slug")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tenant " + slug + " in " + tenants));
    }
}
