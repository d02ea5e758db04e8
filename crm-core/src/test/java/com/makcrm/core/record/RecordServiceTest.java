package com.makcrm.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.field.SelectOption;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.timeline.TimelineEvent;
import com.makcrm.core.timeline.TimelineEvent.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static RecordService records;
    private static TestSql sql;
    private TenantScope tenant;

    @BeforeAll
    static void core() {
        fixture = new TenantFixture(db);
        records = fixture.core().records();
        sql = new TestSql(db.dataSource());
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
    }

    private CrmRecord create(ObjectKind kind, Map<String, Object> input) {
        return records.create(tenant, kind, input, WriteOptions.FAIL).record();
    }

    @Test
    void createNormalizesAndReturnsTheRecordWithIdAndVersion() {
        CrmRecord company = create(
                ObjectKind.COMPANY,
                Map.of(
                        "name",
                        " Acme Corp ",
                        "domain",
                        "https://www.ACME.com/contact",
                        "employees",
                        250,
                        "annualRevenue",
                        Map.of("amountMinor", 1_250_000_00L, "currency", "usd"),
                        "address",
                        Map.of("city", "Berlin", "country", "de")));

        assertThat(company.id().version()).isEqualTo(7);
        assertThat(company.version()).isEqualTo(1);
        assertThat(company.get("name")).isEqualTo("Acme Corp");
        assertThat(company.get("domain")).isEqualTo("acme.com");
        assertThat(company.get("annualRevenue")).isEqualTo(Map.of("amountMinor", 125_000_000L, "currency", "USD"));
        assertThat(company.get("address")).isEqualTo(Map.of("city", "Berlin", "country", "DE"));
        assertThat(company.get("idealCustomer")).isEqualTo(false);
        assertThat(company.get("createdBy")).isEqualTo("tester");
        assertThat(records.get(tenant, ObjectKind.COMPANY, company.id()).fields())
                .isEqualTo(company.fields());
    }

    @Test
    void invalidInputReportsEveryBadFieldAndStoresNothing() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("firstName", "Ann");
        input.put("emails", Map.of("primary", "not-an-email"));
        input.put("phones", Map.of("primary", "12"));
        input.put("companyId", "nope");
        input.put("shoeSize", 42);
        input.put("version", 7);

        assertThatThrownBy(() -> create(ObjectKind.PERSON, input)).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("emails.primary", "phones.primary", "companyId", "shoeSize", "version");
        });
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".person"))
                .isZero();
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".timeline_event"))
                .isZero();
    }

    @Test
    void staleVersionConflictsNamingBothVersionsAndChangesNothing() {
        CrmRecord c = create(ObjectKind.COMPANY, Map.of("name", "Versioned"));
        records.update(tenant, ObjectKind.COMPANY, c.id(), 1, Map.of("name", "V2"));

        assertThatThrownBy(() -> records.update(tenant, ObjectKind.COMPANY, c.id(), 1, Map.of("name", "Lost update")))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("version 1")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.CONFLICT);
        CrmRecord now = records.get(tenant, ObjectKind.COMPANY, c.id());
        assertThat(now.get("name")).isEqualTo("V2");
        assertThat(now.version()).isEqualTo(2);
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        CrmRecord c = create(ObjectKind.COMPANY, Map.of("name", "Race"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "Writer " + i;
            Callable<Object> call = () -> {
                try {
                    return records.update(tenant, ObjectKind.COMPANY, c.id(), 1, Map.of("name", name));
                } catch (CrmException e) {
                    return e;
                }
            };
            outcomes.add(pool.submit(call));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r instanceof CrmRecord).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r instanceof CrmException e && e.category() == ErrorCategory.CONFLICT)
                .hasSize(3);
        assertThat(records.get(tenant, ObjectKind.COMPANY, c.id()).version()).isEqualTo(2);
    }

    @Test
    void duplicatePersonByAnyEmailConflictsPointingAtTheExistingRecord() {
        CrmRecord ann = create(
                ObjectKind.PERSON,
                Map.of(
                        "firstName",
                        "Ann",
                        "emails",
                        Map.of("primary", "ann@example.com", "additional", List.of("ann@home.example"))));

        assertThatThrownBy(() -> create(
                        ObjectKind.PERSON,
                        Map.of("firstName", "Annie", "emails", Map.of("primary", "ANN@HOME.EXAMPLE"))))
                .isInstanceOfSatisfying(DuplicateRecordException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(ann.id());
                    assertThat(e.matchedOn()).isEqualTo("emails");
                    assertThat(e.getMessage()).contains("ann@home.example");
                });
    }

    @Test
    void upsertUpdatesTheDuplicateInsteadOfFailing() {
        CrmRecord acme = create(ObjectKind.COMPANY, Map.of("name", "Acme", "domain", "acme.com"));

        RecordService.Created again = records.create(
                tenant,
                ObjectKind.COMPANY,
                Map.of("name", "Acme Inc", "domain", "www.acme.com", "employees", 10),
                WriteOptions.UPSERT);

        assertThat(again.created()).isFalse();
        assertThat(again.record().id()).isEqualTo(acme.id());
        assertThat(again.record().get("name")).isEqualTo("Acme Inc");
        assertThat(again.record().version()).isEqualTo(2);
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".company"))
                .isEqualTo(1);
    }

    @Test
    void softDeleteHidesDuplicatesUntilRestoreWhichConflictsIfTheValueWasReused() {
        CrmRecord first = create(ObjectKind.COMPANY, Map.of("name", "First", "domain", "reuse.example"));
        CrmRecord deleted = records.delete(tenant, ObjectKind.COMPANY, first.id(), 1);
        assertThat(deleted.get("deletedAt")).isNotNull();
        assertThat(deleted.version()).isEqualTo(2);

        CrmRecord second = create(ObjectKind.COMPANY, Map.of("name", "Second", "domain", "reuse.example"));
        assertThatThrownBy(() -> records.restore(tenant, ObjectKind.COMPANY, first.id()))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining(second.id().toString());

        records.delete(tenant, ObjectKind.COMPANY, second.id(), null);
        CrmRecord restored = records.restore(tenant, ObjectKind.COMPANY, first.id());
        assertThat(restored.get("deletedAt")).isNull();
        assertThat(restored.get("domain")).isEqualTo("reuse.example");
    }

    @Test
    void destroyNeedsSoftDeleteFirstAndKeepsTheTimeline() {
        CrmRecord note = create(ObjectKind.NOTE, Map.of("title", "Call notes", "body", "# Agenda"));
        assertThatThrownBy(() -> records.destroy(tenant, ObjectKind.NOTE, note.id()))
                .hasMessageContaining("must be deleted");

        records.delete(tenant, ObjectKind.NOTE, note.id(), null);
        records.destroy(tenant, ObjectKind.NOTE, note.id());

        assertThatThrownBy(() -> records.get(tenant, ObjectKind.NOTE, note.id()))
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
        List<TimelineEvent> events = fixture.core().timeline().list(tenant, "note", note.id(), null, 10);
        assertThat(events)
                .extracting(TimelineEvent::action)
                .containsExactly(Action.DESTROYED, Action.DELETED, Action.CREATED);
    }

    @Test
    void timelineRecordsFieldLevelBeforeAndAfterInTheSameTransaction() {
        CrmRecord p = create(ObjectKind.PERSON, Map.of("firstName", "Ivan", "lastName", "Petrov"));
        records.update(tenant, ObjectKind.PERSON, p.id(), 1, Map.of("lastName", "Sidorov", "jobTitle", "CTO"));

        List<TimelineEvent> events = fixture.core().timeline().list(tenant, "person", p.id(), null, 10);

        assertThat(events).hasSize(2);
        TimelineEvent update = events.get(0);
        assertThat(update.action()).isEqualTo(Action.UPDATED);
        assertThat(update.actor()).isEqualTo("tester");
        assertThat(update.diff())
                .isEqualTo(Map.of(
                        "lastName", Map.of("before", "Petrov", "after", "Sidorov"),
                        "jobTitle", mapOf("before", null, "after", "CTO")));
        assertThat(events.get(1).diff()).containsKey("firstName");
    }

    @Test
    void failedUpdateWritesNoTimelineEvent() {
        CrmRecord c = create(ObjectKind.COMPANY, Map.of("name", "Stable"));
        assertThatThrownBy(() -> records.update(tenant, ObjectKind.COMPANY, c.id(), 1, Map.of("employees", -5)))
                .isInstanceOf(CrmException.class);
        assertThat(fixture.core().timeline().list(tenant, "company", c.id(), null, 10))
                .hasSize(1);
    }

    @Test
    void opportunityGetsDefaultPipelineFirstStageAndItsProbability() {
        CrmRecord acme = create(ObjectKind.COMPANY, Map.of("name", "Acme"));
        CrmRecord deal = create(
                ObjectKind.OPPORTUNITY,
                Map.of(
                        "name",
                        "Big deal",
                        "amount",
                        Map.of("amountMinor", 5_000_000, "currency", "EUR"),
                        "companyId",
                        acme.id().toString(),
                        "closeDate",
                        "2026-12-31"));

        assertThat(deal.get("stage")).isEqualTo("NEW");
        assertThat(deal.get("probability")).isEqualTo(10L);
        assertThat(deal.get("pipelineId")).isNotNull();
        assertThat(deal.get("closeDate")).isEqualTo("2026-12-31");

        CrmRecord moved = records.update(tenant, ObjectKind.OPPORTUNITY, deal.id(), 1, Map.of("stage", "PROPOSAL"));
        assertThat(moved.get("probability")).isEqualTo(60L);
        assertThatThrownBy(() -> records.update(tenant, ObjectKind.OPPORTUNITY, deal.id(), 2, Map.of("stage", "WON")))
                .hasMessageContaining("'WON' is not a stage")
                .hasMessageContaining("PROPOSAL");
    }

    @Test
    void referencesMustPointAtLiveRecords() {
        assertThatThrownBy(() -> create(
                        ObjectKind.PERSON,
                        Map.of("firstName", "X", "companyId", UUID.randomUUID().toString())))
                .hasMessageContaining("companyId: no company with id");
    }

    @Test
    void tasksLinkToManyRecordsAndLinksAreReplacedOnUpdate() {
        CrmRecord company = create(ObjectKind.COMPANY, Map.of("name", "Linked"));
        CrmRecord person = create(ObjectKind.PERSON, Map.of("firstName", "Lin"));
        CrmRecord task = create(
                ObjectKind.TASK,
                Map.of(
                        "title",
                        "Follow up",
                        "dueAt",
                        "2026-12-01T09:00:00+01:00",
                        "targets",
                        Map.of(
                                "companyIds",
                                List.of(company.id().toString()),
                                "personIds",
                                List.of(person.id().toString()))));

        assertThat(task.get("status")).isEqualTo("TODO");
        assertThat(task.get("dueAt")).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(task.get("targets"))
                .isEqualTo(Map.of(
                        "companyIds",
                        List.of(company.id().toString()),
                        "personIds",
                        List.of(person.id().toString()),
                        "opportunityIds",
                        List.of()));

        CrmRecord updated = records.update(
                tenant,
                ObjectKind.TASK,
                task.id(),
                1,
                Map.of(
                        "status",
                        "DONE",
                        "targets",
                        Map.of("personIds", List.of(person.id().toString()))));
        assertThat(updated.get("targets"))
                .isEqualTo(Map.of(
                        "companyIds",
                        List.of(),
                        "personIds",
                        List.of(person.id().toString()),
                        "opportunityIds",
                        List.of()));
    }

    @Test
    void customFieldsAreValidatedDefaultedAndDiffed() {
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField(
                                "company",
                                "tier",
                                "Tier",
                                CustomFieldType.SELECT,
                                true,
                                "SILVER",
                                List.of(new SelectOption("GOLD", "Gold", null), new SelectOption("SILVER", null, null)),
                                null));
        fixture.core()
                .fields()
                .create(
                        tenant.schema(),
                        new NewField("company", "score", null, CustomFieldType.NUMBER, false, null, null, null));

        CrmRecord c = create(ObjectKind.COMPANY, Map.of("name", "Custom", "custom", Map.of("score", "12.5")));
        assertThat(c.get("custom")).isEqualTo(Map.of("tier", "SILVER", "score", new java.math.BigDecimal("12.5")));

        assertThatThrownBy(() -> records.update(
                        tenant,
                        ObjectKind.COMPANY,
                        c.id(),
                        1,
                        Map.of("custom", mapOf("tier", "BRONZE", "score", "lots", "nope", 1))))
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactlyInAnyOrder("custom.tier", "custom.score", "custom.nope"));

        records.update(tenant, ObjectKind.COMPANY, c.id(), 1, Map.of("custom", Map.of("tier", "GOLD")));
        TimelineEvent last = fixture.core()
                .timeline()
                .list(tenant, "company", c.id(), null, 1)
                .get(0);
        assertThat(last.diff()).isEqualTo(Map.of("custom.tier", Map.of("before", "SILVER", "after", "GOLD")));
    }

    @Test
    void bulkCreateIsAtomic() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(Map.of("name", "Bulk " + i));
        }
        batch.add(Map.of("name", ""));

        assertThatThrownBy(() -> records.bulkCreate(tenant, ObjectKind.COMPANY, batch, WriteOptions.FAIL))
                .hasMessageStartingWith("record [50]: ");
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".company"))
                .isZero();

        batch.remove(50);
        assertThat(records.bulkCreate(tenant, ObjectKind.COMPANY, batch, WriteOptions.FAIL))
                .hasSize(50);
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".company"))
                .isEqualTo(50);
        assertThatThrownBy(() -> records.bulkCreate(
                        tenant,
                        ObjectKind.COMPANY,
                        new ArrayList<>(java.util.Collections.nCopies(1001, Map.of("name", "x"))),
                        WriteOptions.FAIL))
                .hasMessageContaining("1 to 1000");
    }

    @Test
    void bulkUpdateIsAtomicAcrossRecords() {
        CrmRecord a = create(ObjectKind.COMPANY, Map.of("name", "A"));
        CrmRecord b = create(ObjectKind.COMPANY, Map.of("name", "B"));

        assertThatThrownBy(() -> records.bulkUpdate(
                        tenant,
                        ObjectKind.COMPANY,
                        List.of(
                                new RecordService.Change(a.id(), 1, Map.of("name", "A2")),
                                new RecordService.Change(b.id(), 7, Map.of("name", "B2")))))
                .hasMessageStartingWith("record [1]: ")
                .hasMessageContaining("version 1")
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                                .as("the whole bulk error is translated, the record's own error inside it too")
                                .isEqualTo("запись [1]: запись " + b.id()
                                        + " уже в версии 1, а изменение сделано для версии 7;"
                                        + " загрузите её заново и повторите изменение"));
        assertThat(records.get(tenant, ObjectKind.COMPANY, a.id()).get("name")).isEqualTo("A");

        List<CrmRecord> updated = records.bulkUpdate(
                tenant,
                ObjectKind.COMPANY,
                List.of(
                        new RecordService.Change(a.id(), 1, Map.of("name", "A2")),
                        new RecordService.Change(b.id(), 1, Map.of("name", "B2"))));
        assertThat(updated).extracting(r -> r.get("name")).containsExactly("A2", "B2");
    }

    @Test
    void unknownRecordCarriesATranslatableMessage() {
        UUID id = UUID.randomUUID();

        CrmException e = catchThrowableOfType(CrmException.class, () -> records.get(tenant, ObjectKind.COMPANY, id));

        assertThat(e.message()).isEqualTo(CoreMessages.RECORD_NOT_FOUND);
        assertThat(Messages.fromClasspath().format(e.message(), Locale.forLanguageTag("ru"), e.messageArgs()))
                .isEqualTo("запись company " + id + " не найдена");
        assertThat(Messages.fromClasspath().format(e.message(), Locale.ENGLISH, e.messageArgs()))
                .isEqualTo(e.getMessage());
    }

    @Test
    void duplicatesAndStaleVersionsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmRecord acme = create(ObjectKind.COMPANY, Map.of("name", "Acme", "domain", "acme.com"));

        CrmException duplicate = catchThrowableOfType(
                CrmException.class, () -> create(ObjectKind.COMPANY, Map.of("name", "Acme 2", "domain", "acme.com")));
        assertThat(duplicate.getMessage())
                .isEqualTo("a company with domain 'acme.com' already exists: " + acme.id()
                        + " (create with upsert to update it instead)");
        assertThat(messages.describe(duplicate, Messages.RUSSIAN))
                .isEqualTo("запись company со значением «acme.com» в поле domain уже существует: " + acme.id()
                        + " (чтобы обновить её вместо создания новой, используйте upsert)");

        records.update(tenant, ObjectKind.COMPANY, acme.id(), 1, Map.of("name", "Acme Inc"));
        CrmException stale = catchThrowableOfType(
                CrmException.class,
                () -> records.update(tenant, ObjectKind.COMPANY, acme.id(), 1, Map.of("name", "Lost")));
        assertThat(stale.getMessage())
                .isEqualTo("record " + acme.id() + " is at version 2, but the change was made against version 1;"
                        + " reload it and apply the change again");
        assertThat(messages.describe(stale, Messages.RUSSIAN))
                .isEqualTo("запись " + acme.id() + " уже в версии 2, а изменение сделано для версии 1;"
                        + " загрузите её заново и повторите изменение");

        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "X");
        input.put("version", 3);
        input.put("nope", 1);
        CrmException unknown = catchThrowableOfType(CrmException.class, () -> create(ObjectKind.COMPANY, input));
        assertThat(unknown.getMessage())
                .isEqualTo("version: is set by the server and cannot be written; nope: unknown field of company");
        assertThat(messages.describe(unknown, Messages.RUSSIAN))
                .isEqualTo("version: задаётся сервером, записать его нельзя; nope: у объекта company нет такого поля");
    }

    @Test
    void twoTenantsNeverSeeEachOthersRecords() {
        TenantScope other = fixture.newTenant();
        CrmRecord mine = create(ObjectKind.COMPANY, Map.of("name", "Mine", "domain", "shared.example"));
        CrmRecord theirs = records.create(
                        other,
                        ObjectKind.COMPANY,
                        Map.of("name", "Theirs", "domain", "shared.example"),
                        WriteOptions.FAIL)
                .record();

        assertThatThrownBy(() -> records.get(other, ObjectKind.COMPANY, mine.id()))
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
        assertThatThrownBy(() -> records.update(tenant, ObjectKind.COMPANY, theirs.id(), 1, Map.of("name", "x")))
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(records.get(other, ObjectKind.COMPANY, theirs.id()).get("name"))
                .isEqualTo("Theirs");
    }

    @Test
    void twoTenantsWritingAndReadingConcurrentlyOnlyEverSeeTheirOwnRows() throws Exception {
        TenantScope a = fixture.newTenant();
        TenantScope b = fixture.newTenant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            TenantScope scope = t % 2 == 0 ? a : b;
            String marker = scope == a ? "Alpha" : "Beta";
            int thread = t;
            work.add(pool.submit(() -> {
                int checked = 0;
                for (int i = 0; i < 25; i++) {
                    records.create(
                            scope,
                            ObjectKind.COMPANY,
                            Map.of("name", marker + " " + thread + "-" + i),
                            WriteOptions.FAIL);
                    for (CrmRecord r : records.list(
                                    scope,
                                    ObjectKind.COMPANY,
                                    new com.makcrm.core.query.PageRequest(null, null, null, 200))
                            .items()) {
                        if (!((String) r.get("name")).startsWith(marker)) {
                            throw new AssertionError(marker + " tenant saw " + r.get("name"));
                        }
                        checked++;
                    }
                }
                return checked;
            }));
        }
        int checked = 0;
        for (Future<Integer> f : work) {
            checked += f.get();
        }
        pool.shutdown();
        assertThat(checked).isGreaterThan(1000);
        assertThat(sql.count("select count(*) from " + a.schema() + ".company")).isEqualTo(100);
        assertThat(sql.count("select count(*) from " + b.schema() + ".company")).isEqualTo(100);
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
