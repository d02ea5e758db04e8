package com.makcrm.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.field.SelectOption;
import com.makcrm.core.query.Page;
import com.makcrm.core.query.PageRequest;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordListTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RecordService records;
    private static TenantScope tenant;

    @BeforeAll
    static void seed() {
        TenantFixture fixture = new TenantFixture(db);
        records = fixture.core().records();
        tenant = fixture.newTenant();
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField(
                                "opportunity",
                                "tier",
                                null,
                                CustomFieldType.SELECT,
                                false,
                                null,
                                List.of(new SelectOption("GOLD", null, null), new SelectOption("SILVER", null, null)),
                                null));
        List<Map<String, Object>> companies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            companies.add(Map.of("name", (i % 2 == 0 ? "Acme " : "Globex ") + i));
        }
        List<RecordService.Created> created =
                records.bulkCreate(tenant, ObjectKind.COMPANY, companies, WriteOptions.FAIL);
        List<Map<String, Object>> deals = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            deals.add(Map.of(
                    "name",
                    "Deal " + i,
                    "stage",
                    i % 3 == 0 ? "PROPOSAL" : "NEW",
                    "amount",
                    Map.of("amountMinor", (i % 7) * 50_000, "currency", "USD"),
                    "companyId",
                    created.get(i % 10).record().id().toString(),
                    "custom",
                    Map.of("tier", i % 4 == 0 ? "GOLD" : "SILVER")));
        }
        records.bulkCreate(tenant, ObjectKind.OPPORTUNITY, deals, WriteOptions.FAIL);
    }

    private List<CrmRecord> all(String filter, String order) {
        List<CrmRecord> out = new ArrayList<>();
        PageRequest request = new PageRequest(filter, order, null, 7);
        while (true) {
            Page<CrmRecord> page = records.list(tenant, ObjectKind.OPPORTUNITY, request);
            out.addAll(page.items());
            if (!page.hasNextPage()) {
                return out;
            }
            request = request.next(page.nextCursor());
        }
    }

    @Test
    void filtersOnBuiltInCustomAndRelatedFieldsAndPagesWithoutGapsOrRepeats() {
        List<CrmRecord> found = all(
                "and(stage[eq]:PROPOSAL,amount[gte]:100000,custom.tier[eq]:GOLD,company.name[startsWith]:acme)",
                "amount[desc],name[asc]");

        List<CrmRecord> expected = all(null, "name[asc]").stream()
                .filter(r -> r.get("stage").equals("PROPOSAL"))
                .filter(r -> ((Number) ((Map<?, ?>) r.get("amount")).get("amountMinor")).longValue() >= 100_000)
                .filter(r -> "GOLD".equals(((Map<?, ?>) r.get("custom")).get("tier")))
                .toList();
        assertThat(found).isNotEmpty();
        Set<Object> ids = new HashSet<>();
        found.forEach(r -> assertThat(ids.add(r.id())).isTrue());
        assertThat(found).allMatch(r -> expected.stream().anyMatch(e -> e.id().equals(r.id())));
        assertThat(found)
                .isSortedAccordingTo((a, b) -> Long.compare(
                        ((Number) ((Map<?, ?>) b.get("amount")).get("amountMinor")).longValue(),
                        ((Number) ((Map<?, ?>) a.get("amount")).get("amountMinor")).longValue()));
    }

    @Test
    void pagesThroughEveryRecordExactlyOnce() {
        List<CrmRecord> everything = all(null, null);
        assertThat(everything).hasSize(120);
        assertThat(new HashSet<>(everything.stream().map(CrmRecord::id).toList()))
                .hasSize(120);
    }

    @Test
    void unknownFieldsAndHostileInputAreInvalid() {
        assertThatThrownBy(() -> records.list(
                        tenant, ObjectKind.OPPORTUNITY, new PageRequest("custom.nope[eq]:x", null, null, 10)))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("custom.nope");
        assertThatThrownBy(() -> records.list(
                        tenant, ObjectKind.OPPORTUNITY, new PageRequest(null, "name;drop table opportunity", null, 10)))
                .isInstanceOf(CrmException.class);
        assertThat(records.list(
                                tenant,
                                ObjectKind.OPPORTUNITY,
                                new PageRequest("name[eq]:\"x'; drop table opportunity; --\"", null, null, 10))
                        .items())
                .isEmpty();
        assertThat(all(null, null)).hasSize(120);
    }
}
