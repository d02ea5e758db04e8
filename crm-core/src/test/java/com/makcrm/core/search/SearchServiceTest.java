package com.makcrm.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static TenantScope tenant;
    private static SearchService search;
    private static CrmRecord ivan;
    private static CrmRecord alexander;
    private static CrmRecord acme;
    private static CrmRecord deal;

    @BeforeAll
    static void seed() {
        fixture = new TenantFixture(db);
        tenant = fixture.newTenant();
        search = fixture.core().search();
        RecordService records = fixture.core().records();
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField("company", "segment", null, CustomFieldType.TEXT, false, null, null, null));
        acme = records.create(
                        tenant,
                        ObjectKind.COMPANY,
                        Map.of(
                                "name",
                                "Acme Robotics",
                                "domain",
                                "acme-robotics.io",
                                "custom",
                                Map.of("segment", "Enterprise logistics")),
                        WriteOptions.FAIL)
                .record();
        ivan = records.create(
                        tenant,
                        ObjectKind.PERSON,
                        Map.of(
                                "firstName",
                                "Иван",
                                "lastName",
                                "Петров",
                                "emails",
                                Map.of("primary", "ivan.petrov@example.ru"),
                                "phones",
                                Map.of("primary", "+7 (912) 345-67-89")),
                        WriteOptions.FAIL)
                .record();
        alexander = records.create(
                        tenant,
                        ObjectKind.PERSON,
                        Map.of(
                                "firstName",
                                "Alexander",
                                "lastName",
                                "Smith",
                                "emails",
                                Map.of("primary", "alex@acme-robotics.io")),
                        WriteOptions.FAIL)
                .record();
        deal = records.create(tenant, ObjectKind.OPPORTUNITY, Map.of("name", "Acme expansion 2027"), WriteOptions.FAIL)
                .record();
        records.create(
                tenant, ObjectKind.PERSON, Map.of("firstName", "Zed", "lastName", "Unrelated"), WriteOptions.FAIL);
    }

    private List<SearchHit> find(String q) {
        return search.search(tenant, q, null, 10);
    }

    @Test
    void findsPeopleByRussianNameAndByPrefix() {
        assertThat(find("петров")).extracting(SearchHit::id).containsExactly(ivan.id());
        assertThat(find("Пет")).extracting(SearchHit::id).contains(ivan.id());
        assertThat(find("иван петров").get(0).title()).isEqualTo("Иван Петров");
    }

    @Test
    void findsPhonesHoweverTheyAreTyped() {
        for (String typed : List.of("+79123456789", "8 912 345 67 89", "(912) 345-6789", "345-67")) {
            assertThat(find(typed)).as(typed).extracting(SearchHit::id).containsExactly(ivan.id());
        }
    }

    @Test
    void findsByEmailDomainAndTextCustomField() {
        assertThat(find("ivan.petrov@example.ru")).extracting(SearchHit::id).containsExactly(ivan.id());
        assertThat(find("acme-robotics.io")).extracting(SearchHit::id).contains(acme.id(), alexander.id());
        assertThat(find("logistics")).extracting(SearchHit::id).containsExactly(acme.id());
    }

    @Test
    void toleratesTyposAndRanksNameMatchesFirst() {
        assertThat(find("Alexandr")).extracting(SearchHit::id).contains(alexander.id());
        List<SearchHit> acmeHits = find("acme");
        assertThat(acmeHits).extracting(SearchHit::id).contains(acme.id(), deal.id(), alexander.id());
        assertThat(acmeHits.get(acmeHits.size() - 1).id()).isEqualTo(alexander.id());
        assertThat(acmeHits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void filtersByObjectAndNeverReturnsOtherTenantsOrDeletedRecords() {
        assertThat(search.search(tenant, "acme", Set.of("company"), 10))
                .extracting(SearchHit::object)
                .containsOnly("company");
        TenantScope other = fixture.newTenant();
        assertThat(search.search(other, "acme", null, 10)).isEmpty();
        CrmRecord gone = fixture.core()
                .records()
                .create(tenant, ObjectKind.COMPANY, Map.of("name", "Vanishing Ltd"), WriteOptions.FAIL)
                .record();
        fixture.core().records().delete(tenant, ObjectKind.COMPANY, gone.id(), null);
        assertThat(find("vanishing")).isEmpty();
    }

    @Test
    void wildcardsAndQuotesInQueriesAreJustText() {
        assertThat(find("%")).isEmpty();
        assertThat(find("_")).isEmpty();
        assertThat(find("'; drop table person; --")).isEmpty();
        assertThat(find("петров")).hasSize(1);
    }

    @Test
    void rejectsEmptyOverlongAndUnknownObjects() {
        assertThatThrownBy(() -> find(" ")).isInstanceOf(CrmException.class);
        assertThatThrownBy(() -> find("x".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> search.search(tenant, "a", Set.of("task"), 10)).hasMessageContaining("not searchable");
        assertThatThrownBy(() -> search.search(tenant, "a", null, 51)).hasMessageContaining("limit");
    }

    @Test
    void searchErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmException notSearchable =
                catchThrowableOfType(CrmException.class, () -> search.search(tenant, "a", Set.of("task"), 10));
        assertThat(notSearchable.getMessage()).startsWith("objects: 'task' is not searchable; use [");
        assertThat(messages.describe(notSearchable, Messages.RUSSIAN))
                .startsWith("objects: по объекту «task» поиск не выполняется; используйте [");

        CrmException limit = catchThrowableOfType(CrmException.class, () -> search.search(tenant, "a", null, 51));
        assertThat(limit.getMessage()).isEqualTo("limit: must be between 1 and 50, got 51");
        assertThat(messages.describe(limit, Messages.RUSSIAN)).isEqualTo("limit: должно быть от 1 до 50, получено 51");

        CrmException empty = catchThrowableOfType(CrmException.class, () -> find(" "));
        assertThat(empty.getMessage()).isEqualTo("q: a search needs at least one character");
        assertThat(messages.describe(empty, Messages.RUSSIAN)).isEqualTo("q: для поиска нужен хотя бы один символ");

        CrmException tooLong = catchThrowableOfType(CrmException.class, () -> find("x".repeat(201)));
        assertThat(tooLong.getMessage()).isEqualTo("q: at most 200 characters, got 201");
    }
}
