package com.makcrm.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.record.FieldDescription.Type;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The descriptions match the records {@link RecordService} really returns: same keys in the same order, values of
 * the described types, nulls only where described, and exactly the described fields required.
 */
class RecordFieldsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static RecordService records;
    private TenantScope tenant;

    @BeforeAll
    static void core() {
        fixture = new TenantFixture(db);
        records = fixture.core().records();
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
    }

    @Test
    void describesACompanyWithTypesFormatsAndComposites() {
        Map<String, FieldDescription> company = byName(RecordFields.describe(ObjectKind.COMPANY));

        assertThat(company.get("name").required()).isTrue();
        assertThat(company.get("name").nullable()).isFalse();
        assertThat(company.get("domain").format()).isEqualTo("hostname");
        assertThat(company.get("employees").type()).isEqualTo(Type.INTEGER);
        assertThat(company.get("employees").format()).isEqualTo("int32");
        assertThat(company.get("employees").min()).isZero();
        assertThat(company.get("idealCustomer").defaultValue()).isEqualTo(false);
        assertThat(company.get("ownerId").format()).isEqualTo("uuid");
        assertThat(company.get("linkedinUrl").format()).isEqualTo("uri");

        FieldDescription revenue = company.get("annualRevenue");
        assertThat(revenue.type()).isEqualTo(Type.OBJECT);
        assertThat(revenue.nullable()).isTrue();
        assertThat(revenue.properties()).extracting(FieldDescription::name).containsExactly("amountMinor", "currency");
        assertThat(revenue.properties().get(0).format()).isEqualTo("int64");
        assertThat(revenue.properties()).allMatch(FieldDescription::required);

        FieldDescription address = company.get("address");
        assertThat(address.properties())
                .extracting(FieldDescription::name)
                .containsExactly("street", "city", "postcode", "country");
        assertThat(address.properties()).noneMatch(FieldDescription::alwaysPresent);

        FieldDescription custom = company.get("custom");
        assertThat(custom.type()).isEqualTo(Type.OBJECT);
        assertThat(custom.properties()).isEmpty();
        assertThat(custom.writable()).isTrue();
        assertThat(company).doesNotContainKey("targets");
    }

    @Test
    void describesContactsTaskStatusAndTargets() {
        FieldDescription emails =
                byName(RecordFields.describe(ObjectKind.PERSON)).get("emails");
        assertThat(emails.properties()).extracting(FieldDescription::name).containsExactly("primary", "additional");
        assertThat(emails.properties().get(0).format()).isEqualTo("email");
        FieldDescription additional = emails.properties().get(1);
        assertThat(additional.type()).isEqualTo(Type.ARRAY);
        assertThat(additional.items().type()).isEqualTo(Type.STRING);
        assertThat(additional.max()).isEqualTo(20);
        assertThat(byName(RecordFields.describe(ObjectKind.PERSON))
                        .get("companyId")
                        .description())
                .contains("company");

        Map<String, FieldDescription> task = byName(RecordFields.describe(ObjectKind.TASK));
        assertThat(task.get("status").enumValues()).containsExactly("TODO", "IN_PROGRESS", "DONE");
        assertThat(task.get("status").defaultValue()).isEqualTo("TODO");
        assertThat(task.get("dueAt").format()).isEqualTo("date-time");
        assertThat(task).doesNotContainKey("custom");
        assertThat(task.get("targets").properties())
                .extracting(FieldDescription::name)
                .containsExactly("companyIds", "personIds", "opportunityIds");
        assertThat(task.get("targets").properties().get(0).items().format()).isEqualTo("uuid");

        assertThat(byName(RecordFields.describe(ObjectKind.OPPORTUNITY))
                        .get("closeDate")
                        .format())
                .isEqualTo("date");
    }

    @Test
    void serverMaintainedFieldsAreReadOnly() {
        for (ObjectKind kind : ObjectKind.values()) {
            List<String> readOnly = RecordFields.describe(kind).stream()
                    .filter(f -> !f.writable())
                    .map(FieldDescription::name)
                    .toList();
            assertThat(readOnly)
                    .as(kind.apiName())
                    .containsExactly("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "deletedAt");
        }
    }

    @Test
    void describesEveryKeyOfAFullRecordInOrderWithItsType() {
        Map<ObjectKind, CrmRecord> full = createFullRecords();
        for (ObjectKind kind : ObjectKind.values()) {
            List<FieldDescription> fields = RecordFields.describe(kind);
            CrmRecord record = records.get(tenant, kind, full.get(kind).id());
            assertThat(record.fields().keySet())
                    .as(kind.apiName())
                    .containsExactlyElementsOf(
                            fields.stream().map(FieldDescription::name).toList());
            for (FieldDescription f : fields) {
                if (f.writable()) {
                    assertThat(record.get(f.name()))
                            .as(kind.apiName() + "." + f.name())
                            .isNotNull();
                }
                conforms(kind.apiName() + "." + f.name(), f, record.get(f.name()));
            }
        }
    }

    @Test
    void fieldsACreateLeavesOutAreNullOnlyWhereDescribedAndTakeTheirDefaults() {
        Map<String, Object> company = Map.of("name", "Minimal");
        Map<ObjectKind, Map<String, Object>> minimal = Map.of(
                ObjectKind.COMPANY, company,
                ObjectKind.PERSON, Map.of(),
                ObjectKind.OPPORTUNITY, Map.of("name", "Minimal deal"),
                ObjectKind.TASK, Map.of("title", "Minimal task"),
                ObjectKind.NOTE, Map.of());
        for (ObjectKind kind : ObjectKind.values()) {
            CrmRecord record = create(kind, minimal.get(kind));
            for (FieldDescription f : RecordFields.describe(kind)) {
                conforms(kind.apiName() + "." + f.name(), f, record.get(f.name()));
                if (f.defaultValue() != null) {
                    assertThat(record.get(f.name())).as(f.name()).isEqualTo(f.defaultValue());
                }
            }
        }
    }

    @Test
    void aCreateDemandsExactlyTheRequiredFields() {
        for (ObjectKind kind : ObjectKind.values()) {
            List<String> required = RecordFields.describe(kind).stream()
                    .filter(FieldDescription::required)
                    .map(FieldDescription::name)
                    .toList();
            if (required.isEmpty()) {
                assertThat(create(kind, Map.of()).id()).isNotNull();
            } else {
                assertThatThrownBy(() -> create(kind, Map.of()))
                        .as(kind.apiName())
                        .isInstanceOfSatisfying(
                                CrmException.class,
                                e -> assertThat(e.fieldErrors())
                                        .extracting(FieldError::field)
                                        .containsExactlyInAnyOrderElementsOf(required));
            }
        }
    }

    @Test
    void queryPathsNameFlattenedFieldsAndRelations() {
        RecordFields.QueryPaths company = RecordFields.queryPaths(ObjectKind.COMPANY);
        assertThat(company.fields()).contains("name", "annualRevenue", "addressCity", "createdAt", "id");
        assertThat(company.fields()).isSorted();
        assertThat(company.relations()).isEmpty();
        assertThat(RecordFields.queryPaths(ObjectKind.PERSON).sortable())
                .contains("email")
                .doesNotContain("emails");
        assertThat(RecordFields.queryPaths(ObjectKind.TASK).sortable()).doesNotContain("body");
        assertThat(RecordFields.queryPaths(ObjectKind.OPPORTUNITY).relations())
                .containsExactly(
                        Map.entry("company", ObjectKind.COMPANY), Map.entry("pointOfContact", ObjectKind.PERSON));
    }

    @Test
    void everyQueryPathFiltersAndEverySortablePathOrders() {
        for (ObjectKind kind : ObjectKind.values()) {
            RecordFields.QueryPaths paths = RecordFields.queryPaths(kind);
            List<String> filters = new ArrayList<>(paths.fields());
            paths.relations().keySet().forEach(r -> filters.add(r + ".id"));
            for (String field : filters) {
                String order = paths.sortable().contains(field) ? field + "[desc]" : null;
                assertThat(records.list(
                                        tenant,
                                        kind,
                                        new com.makcrm.core.query.PageRequest(field + "[isNull]", order, null, 1))
                                .items())
                        .as(kind.apiName() + " " + field)
                        .isEmpty();
            }
        }
    }

    /** One record of each object with every writable field set, custom values and links included. */
    private Map<ObjectKind, CrmRecord> createFullRecords() {
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField("company", "tier", null, CustomFieldType.TEXT, false, null, null, null));
        Map<ObjectKind, CrmRecord> out = new EnumMap<>(ObjectKind.class);
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Acme");
        company.put("domain", "acme.example");
        company.put("employees", 250);
        company.put("annualRevenue", Map.of("amountMinor", 125_000_000L, "currency", "EUR"));
        company.put("address", Map.of("street", "Main St 1", "city", "Berlin", "postcode", "10115", "country", "DE"));
        company.put("ownerId", UUID.randomUUID().toString());
        company.put("linkedinUrl", "https://www.linkedin.com/company/acme");
        company.put("xUrl", "https://x.com/acme");
        company.put("idealCustomer", true);
        company.put("custom", Map.of("tier", "gold"));
        out.put(ObjectKind.COMPANY, createWithEveryWritableField(ObjectKind.COMPANY, company));

        String companyId = out.get(ObjectKind.COMPANY).id().toString();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", "Ann");
        person.put("lastName", "Lee");
        person.put("emails", Map.of("primary", "ann@acme.example", "additional", List.of("ann.lee@acme.example")));
        person.put("phones", Map.of("primary", "+14155550123", "additional", List.of("+14155550124")));
        person.put("jobTitle", "CTO");
        person.put("city", "Berlin");
        person.put("companyId", companyId);
        person.put("avatarUrl", "https://acme.example/ann.png");
        person.put("linkedinUrl", "https://www.linkedin.com/in/ann");
        person.put("xUrl", "https://x.com/ann");
        person.put("custom", Map.of());
        out.put(ObjectKind.PERSON, createWithEveryWritableField(ObjectKind.PERSON, person));

        String pipelineId =
                (String) create(ObjectKind.OPPORTUNITY, Map.of("name", "Probe")).get("pipelineId");
        Map<String, Object> opportunity = new LinkedHashMap<>();
        opportunity.put("name", "Big deal");
        opportunity.put("amount", Map.of("amountMinor", 10_000_000L, "currency", "USD"));
        opportunity.put("closeDate", "2030-06-30");
        opportunity.put("pipelineId", pipelineId);
        opportunity.put("stage", "PROPOSAL");
        opportunity.put("probability", 55);
        opportunity.put("companyId", companyId);
        opportunity.put("pointOfContactId", out.get(ObjectKind.PERSON).id().toString());
        opportunity.put("ownerId", UUID.randomUUID().toString());
        opportunity.put("custom", Map.of());
        out.put(ObjectKind.OPPORTUNITY, createWithEveryWritableField(ObjectKind.OPPORTUNITY, opportunity));

        Map<String, Object> targets = Map.of(
                "companyIds", List.of(companyId),
                "personIds", List.of(out.get(ObjectKind.PERSON).id().toString()),
                "opportunityIds", List.of(out.get(ObjectKind.OPPORTUNITY).id().toString()));
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", "Call Ann");
        task.put("body", "About the proposal");
        task.put("dueAt", "2030-06-01T09:30:00Z");
        task.put("status", "IN_PROGRESS");
        task.put("assigneeId", UUID.randomUUID().toString());
        task.put("targets", targets);
        out.put(ObjectKind.TASK, createWithEveryWritableField(ObjectKind.TASK, task));

        Map<String, Object> note = new LinkedHashMap<>();
        note.put("title", "Met Ann");
        note.put("body", "She likes the proposal");
        note.put("targets", targets);
        out.put(ObjectKind.NOTE, createWithEveryWritableField(ObjectKind.NOTE, note));
        return out;
    }

    /** Fails when the model gained a field this test does not set yet: add it to the input above. */
    private CrmRecord createWithEveryWritableField(ObjectKind kind, Map<String, Object> input) {
        assertThat(input.keySet())
                .as("input of " + kind.apiName())
                .containsExactlyInAnyOrderElementsOf(RecordFields.describe(kind).stream()
                        .filter(FieldDescription::writable)
                        .map(FieldDescription::name)
                        .toList());
        return create(kind, input);
    }

    private CrmRecord create(ObjectKind kind, Map<String, Object> input) {
        return records.create(tenant, kind, input, WriteOptions.FAIL).record();
    }

    /** Asserts that {@code value}, as a record holds it, is what {@code f} describes. */
    private static void conforms(String path, FieldDescription f, Object value) {
        if (value == null) {
            assertThat(f.nullable())
                    .as(path + " is null but not described as nullable")
                    .isTrue();
            return;
        }
        switch (f.type()) {
            case STRING -> {
                assertThat(value).as(path).isInstanceOf(String.class);
                String s = (String) value;
                checkFormat(path, f.format(), s);
                checkBounds(path, f, s.length());
                if (!f.enumValues().isEmpty()) {
                    assertThat(f.enumValues()).as(path).contains(s);
                }
            }
            case INTEGER -> {
                assertThat(value).as(path).isInstanceOfAny(Integer.class, Long.class);
                long n = ((Number) value).longValue();
                if ("int32".equals(f.format())) {
                    assertThat(n).as(path).isBetween((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
                }
                checkBounds(path, f, n);
            }
            case BOOLEAN -> assertThat(value).as(path).isInstanceOf(Boolean.class);
            case ARRAY -> {
                assertThat(value).as(path).isInstanceOf(List.class);
                List<?> list = (List<?>) value;
                checkBounds(path, f, list.size());
                list.forEach(item -> conforms(path + "[]", f.items(), item));
            }
            case OBJECT -> {
                assertThat(value).as(path).isInstanceOf(Map.class);
                Map<?, ?> map = (Map<?, ?>) value;
                if (f.properties().isEmpty()) {
                    return;
                }
                Map<String, FieldDescription> properties = byName(f.properties());
                assertThat(properties.keySet()).as(path).containsAll(keys(map));
                for (FieldDescription p : f.properties()) {
                    if (p.alwaysPresent()) {
                        assertThat(map.containsKey(p.name()))
                                .as(path + "." + p.name())
                                .isTrue();
                    }
                    if (map.containsKey(p.name())) {
                        conforms(path + "." + p.name(), p, map.get(p.name()));
                    }
                }
            }
        }
    }

    private static void checkFormat(String path, String format, String s) {
        if (format == null) {
            return;
        }
        switch (format) {
            case "uuid" -> assertThat(UUID.fromString(s)).as(path).isNotNull();
            case "date" -> assertThat(LocalDate.parse(s)).as(path).isNotNull();
            case "date-time" -> assertThat(Instant.parse(s)).as(path).isNotNull();
            case "email" -> assertThat(s).as(path).matches("[^@\\s]+@[^@\\s]+");
            case "uri" -> assertThat(URI.create(s).isAbsolute()).as(path).isTrue();
            case "hostname" -> assertThat(s).as(path).matches("[a-z0-9.-]+");
            default -> throw new AssertionError(path + ": no check for format " + format);
        }
    }

    private static void checkBounds(String path, FieldDescription f, long n) {
        if (f.min() != null) {
            assertThat(n).as(path).isGreaterThanOrEqualTo(f.min());
        }
        if (f.max() != null) {
            assertThat(n).as(path).isLessThanOrEqualTo(f.max());
        }
    }

    private static List<String> keys(Map<?, ?> map) {
        List<String> out = new ArrayList<>();
        map.keySet().forEach(k -> out.add((String) k));
        return out;
    }

    private static Map<String, FieldDescription> byName(List<FieldDescription> fields) {
        Map<String, FieldDescription> out = new HashMap<>();
        fields.forEach(f -> out.put(f.name(), f));
        return out;
    }
}
