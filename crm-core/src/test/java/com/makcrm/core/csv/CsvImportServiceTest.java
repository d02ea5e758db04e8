package com.makcrm.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.timeline.TimelineEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvImportServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static CsvImportService imports;
    private static TestSql sql;
    private TenantScope tenant;

    @BeforeAll
    static void core() {
        fixture = new TenantFixture(db);
        imports = fixture.core().csvImport();
        sql = new TestSql(db.dataSource());
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
    }

    private ImportReport run(ObjectKind kind, String csv, ImportOptions options) {
        return imports.importCsv(tenant, kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options);
    }

    private long count(String table) {
        return sql.count("select count(*) from " + tenant.schema() + "." + table + " where deleted_at is null");
    }

    @Test
    void importsGoodRowsAndReportsBadOnesByLine() {
        String csv = """
                First Name,last_name,emails.primary,phones.primary,Job Title
                Ann,Lee,ANN@example.com,+1 415 555 0101,CEO
                Bob,,not-an-email,,CTO
                "Smith, Jr.",Carl,carl@example.com,,"Head of ""Sales""\"
                Dana,Ray,dana@example.com,12,
                """;

        ImportReport report = run(ObjectKind.PERSON, csv, ImportOptions.defaults());

        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.errors()).extracting(RowError::line).containsExactly(3L, 5L);
        assertThat(report.errors()).extracting(RowError::field).containsExactly("emails.primary", "phones.primary");
        assertThat(report.errors().get(0).message()).startsWith("line 3: ").contains("not-an-email");
        assertThat(count("person")).isEqualTo(2);
        assertThat(sql.column("select job_title from " + tenant.schema() + ".person order by job_title"))
                .containsExactly("CEO", "Head of \"Sales\"");
        assertThat(sql.one("select primary_email from " + tenant.schema() + ".person where first_name = 'Ann'"))
                .isEqualTo("ann@example.com");
    }

    @Test
    void atomicImportWithABadRowImportsNothing() {
        String csv = "name,domain\nGood,good.example\nBad,not a domain\n";

        ImportReport report = run(ObjectKind.COMPANY, csv, new ImportOptions(null, DedupePolicy.FAIL, true, false));

        assertThat(report.rolledBack()).isTrue();
        assertThat(report.created()).isZero();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(count("company")).isZero();
    }

    @Test
    void dedupePoliciesSkipUpdateOrFailOnExistingRecords() {
        CrmRecord acme = fixture.core()
                .records()
                .create(
                        tenant,
                        ObjectKind.COMPANY,
                        Map.of("name", "Acme", "domain", "acme.com", "employees", 10),
                        WriteOptions.FAIL)
                .record();
        String csv = "name,domain,employees\nAcme Corp,www.acme.com,500\nNew Co,new.example,5\n";

        ImportReport failed = run(ObjectKind.COMPANY, csv, new ImportOptions(null, DedupePolicy.FAIL, false, false));
        assertThat(failed.created()).isEqualTo(1);
        assertThat(failed.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("already exists")
                        .contains(acme.id().toString()));

        ImportReport skipped = run(
                ObjectKind.COMPANY,
                "name,domain\nAcme Corp,acme.com\n",
                new ImportOptions(null, DedupePolicy.SKIP, false, false));
        assertThat(skipped.skipped()).isEqualTo(1);
        assertThat(fixture.core()
                        .records()
                        .get(tenant, ObjectKind.COMPANY, acme.id())
                        .get("name"))
                .isEqualTo("Acme");

        ImportReport updated = run(
                ObjectKind.COMPANY,
                "name,domain\nAcme Corp,acme.com\n",
                new ImportOptions(null, DedupePolicy.UPDATE, false, false));
        assertThat(updated.updated()).isEqualTo(1);
        CrmRecord after = fixture.core().records().get(tenant, ObjectKind.COMPANY, acme.id());
        assertThat(after.get("name")).isEqualTo("Acme Corp");
        assertThat(after.get("employees")).as("columns not in the file stay").isEqualTo(10L);
        assertThat(after.version()).isEqualTo(2);
        TimelineEvent event = fixture.core()
                .timeline()
                .list(tenant, "company", acme.id(), null, 1)
                .get(0);
        assertThat(event.diff()).isEqualTo(Map.of("name", Map.of("before", "Acme", "after", "Acme Corp")));
    }

    @Test
    void duplicatesInsideTheFileAreReportedAgainstTheFirstLine() {
        String csv = "name,domain\nOne,dup.example\nTwo,DUP.example\n";
        ImportReport report = run(ObjectKind.COMPANY, csv, ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("duplicate of line 2");
        });
    }

    @Test
    void customFieldsAndMappingAndTimelineForCreatedRecords() {
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField("company", "segment", null, CustomFieldType.TEXT, false, null, null, null));
        String csv = "Company,Seg,Ignored\nInitech,Enterprise,x\n";

        ImportReport report = run(
                ObjectKind.COMPANY,
                csv,
                new ImportOptions(
                        Map.of("Company", "name", "Seg", "custom.segment", "Ignored", ""),
                        DedupePolicy.FAIL,
                        false,
                        false));

        assertThat(report.created()).isEqualTo(1);
        Object id = sql.one("select id from " + tenant.schema() + ".company");
        CrmRecord c = fixture.core().records().get(tenant, ObjectKind.COMPANY, (java.util.UUID) id);
        assertThat(c.get("custom")).isEqualTo(Map.of("segment", "Enterprise"));
        assertThat(c.get("idealCustomer")).isEqualTo(false);
        List<TimelineEvent> events = fixture.core().timeline().list(tenant, "company", c.id(), null, 5);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.diff()).containsKeys("name", "custom.segment"));
        assertThat(fixture.core().search().search(tenant, "enterprise", null, 5))
                .hasSize(1);
    }

    @Test
    void importsObjectsWithoutCustomFieldsAndDescribesEachCreationInTheTimeline() {
        String csv = "title,status,dueAt\nCall back,IN_PROGRESS,2026-12-01T09:00:00Z\nSend deck,,\n";

        ImportReport report = run(ObjectKind.TASK, csv, ImportOptions.defaults());

        assertThat(report.created()).as(report.errors().toString()).isEqualTo(2);
        Object id = sql.one("select id from " + tenant.schema() + ".task where title = 'Call back'");
        CrmRecord task = fixture.core().records().get(tenant, ObjectKind.TASK, (java.util.UUID) id);
        assertThat(task.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(sql.one("select status from " + tenant.schema() + ".task where title = 'Send deck'"))
                .isEqualTo("TODO");
        TimelineEvent created = fixture.core()
                .timeline()
                .list(tenant, "task", task.id(), null, 5)
                .get(0);
        assertThat(created.action()).isEqualTo(TimelineEvent.Action.CREATED);
        assertThat(created.diff())
                .isEqualTo(Map.of(
                        "title", mapOf("before", null, "after", "Call back"),
                        "status", mapOf("before", null, "after", "IN_PROGRESS"),
                        "dueAt", mapOf("before", null, "after", "2026-12-01T09:00:00Z")));
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @Test
    void malformedFilesAreRejectedNamingTheLineAndChangeNothing() {
        assertThatThrownBy(() -> run(ObjectKind.COMPANY, "name,shoe\nAcme,42\n", ImportOptions.defaults()))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("shoe");
        assertThatThrownBy(() -> run(ObjectKind.COMPANY, "name\nGood\n\"Unclosed\n", ImportOptions.defaults()))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("line");
        byte[] latin1 = "name\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> imports.importCsv(
                        tenant, ObjectKind.COMPANY, new ByteArrayInputStream(latin1), ImportOptions.defaults()))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> run(ObjectKind.COMPANY, "", ImportOptions.defaults()))
                .hasMessageContaining("empty");
        assertThat(count("company")).isZero();
    }

    @Test
    void oversizedFieldsAndRaggedRowsAreRowErrors() {
        String csv = "name,domain\nOk,ok.example\n" + "x".repeat(CsvImportService.MAX_FIELD + 1) + ",big.example\n"
                + "Too,many,fields\n";
        ImportReport report = run(ObjectKind.COMPANY, csv, ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).extracting(RowError::line).containsExactly(3L, 4L);
    }

    @Test
    void fileAndRowErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmException header = catchThrowableOfType(
                CrmException.class, () -> run(ObjectKind.COMPANY, "name,shoe\nAcme,42\n", ImportOptions.defaults()));
        assertThat(header.getMessage()).startsWith("line 1: unknown column(s) [shoe]; map them to fields [");
        assertThat(messages.describe(header, Messages.RUSSIAN))
                .startsWith("строка 1: неизвестный столбец [shoe]; сопоставьте его с полями [")
                .endsWith("] или включите пропуск неизвестных столбцов");
        CrmException empty =
                catchThrowableOfType(CrmException.class, () -> run(ObjectKind.COMPANY, "", ImportOptions.defaults()));
        assertThat(empty.getMessage()).isEqualTo("line 1: the file is empty; it needs a header row");
        assertThat(messages.describe(empty, Messages.RUSSIAN))
                .isEqualTo("строка 1: файл пуст; в нём должна быть строка заголовков");

        String csv = "name,domain\nOne,dup.example\nTwo,DUP.example\nThree,not a domain\nToo,many,fields\n";
        ImportReport report = run(ObjectKind.COMPANY, csv, ImportOptions.defaults());

        assertThat(report.errors())
                .extracting(RowError::message)
                .containsExactly(
                        "line 3: duplicate of line 2 in this file",
                        "line 4: domain: 'not a domain' is not a valid domain (e.g. example.com)",
                        "line 5: has 3 fields, the header has 2");
        assertThat(report.errors())
                .extracting(e -> e.describe(messages, Messages.RUSSIAN))
                .containsExactly(
                        "строка 3: повторяет строку 2 этого файла",
                        "строка 4: domain: «not a domain» — некорректное доменное имя (пример: example.com)",
                        "строка 5: полей в строке: 3, а в заголовке: 2");
        assertThat(report.errors())
                .extracting(e -> e.describe(messages, Locale.ENGLISH))
                .containsExactlyElementsOf(
                        report.errors().stream().map(RowError::message).toList());
    }
}
