package com.makcrm.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvExportServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static TenantScope tenant;

    @BeforeAll
    static void seed() {
        fixture = new TenantFixture(db);
        tenant = fixture.newTenant();
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField("person", "nickname", null, CustomFieldType.TEXT, false, null, null, null));
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            people.add(Map.of(
                    "firstName",
                    "P" + i,
                    "lastName",
                    i % 2 == 0 ? "Even" : "Odd, \"quoted\"",
                    "emails",
                    Map.of("primary", "p" + i + "@example.com", "additional", List.of("alt" + i + "@example.com")),
                    "custom",
                    Map.of("nickname", "nick " + i)));
        }
        for (int from = 0; from < people.size(); from += 1000) {
            fixture.core()
                    .records()
                    .bulkCreate(
                            tenant,
                            ObjectKind.PERSON,
                            people.subList(from, Math.min(from + 1000, people.size())),
                            WriteOptions.FAIL);
        }
    }

    private List<List<String>> export(String filter, String order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixture.core().csvExport().export(tenant, ObjectKind.PERSON, filter, order, false, out);
        List<List<String>> rows = new ArrayList<>();
        CsvReader.builder()
                .ofCsvRecord(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .forEach((CsvRecord r) -> rows.add(r.getFields()));
        return rows;
    }

    @Test
    void exportsEveryMatchingRowBeyondAnyPageLimitInOrder() {
        List<List<String>> rows = export("lastName[eq]:Even", "firstName[asc]");
        List<String> header = rows.get(0);
        assertThat(header).startsWith("id", "firstName", "lastName", "emails.primary", "emails.additional");
        assertThat(header).contains("custom.nickname", "createdAt");
        assertThat(rows).hasSize(1 + 1250);
        int first = header.indexOf("firstName");
        List<String> names =
                rows.subList(1, rows.size()).stream().map(r -> r.get(first)).toList();
        assertThat(names).isSorted();
    }

    @Test
    void exportedFileImportsBackIntoAnotherTenant() {
        List<List<String>> rows = export("lastName[eq]:\"Odd, \\\"quoted\\\"\"", null);
        assertThat(rows).hasSize(1 + 1250);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixture.core().csvExport().export(tenant, ObjectKind.PERSON, "lastName[neq]:Even", null, false, out);

        TenantScope other = fixture.newTenant();
        fixture.core()
                .fields()
                .create(
                        other.schema(),
                        new NewField("person", "nickname", null, CustomFieldType.TEXT, false, null, null, null));
        ImportReport report = fixture.core()
                .csvImport()
                .importCsv(
                        other,
                        ObjectKind.PERSON,
                        new ByteArrayInputStream(out.toByteArray()),
                        new ImportOptions(
                                Map.of("id", "", "createdAt", "", "createdBy", "", "updatedAt", "", "updatedBy", ""),
                                DedupePolicy.FAIL,
                                true,
                                false));

        assertThat(report.failed()).as(report.errors().toString()).isZero();
        assertThat(report.created()).isEqualTo(1250);
    }

    @Test
    void invalidFilterFailsBeforeWritingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() ->
                        fixture.core().csvExport().export(tenant, ObjectKind.PERSON, "shoe[eq]:1", null, false, out))
                .isInstanceOf(CrmException.class);
    }
}
