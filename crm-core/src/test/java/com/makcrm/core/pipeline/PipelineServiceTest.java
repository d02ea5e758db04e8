package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelineServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static Pipelines module;
    private static PipelineService pipelines;
    private static TestSql sql;
    private TenantScope tenant;

    @BeforeAll
    static void start() {
        fixture = new TenantFixture(db);
        module = Pipelines.over(db.dataSource());
        pipelines = module.service();
        sql = new TestSql(db.dataSource());
    }

    @AfterAll
    static void stop() {
        module.close();
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
    }

    @Test
    void listsTheSeededDefaultPipelineWithItsStagesInOrder() {
        List<PipelineView> all = pipelines.list(tenant);

        assertThat(all).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Sales");
            assertThat(p.isDefault()).isTrue();
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.stages())
                    .extracting(StageView::key)
                    .containsExactly("NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER", "LOST");
            assertThat(p.stages()).extracting(StageView::position).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(p.stage("CUSTOMER").won()).isTrue();
            assertThat(p.stage("LOST").lost()).isTrue();
            assertThat(p.stage("PROPOSAL").probability()).isEqualTo(60);
        });
    }

    @Test
    void createsAPipelineAfterTheExistingOnesAndReadsItBack() {
        PipelineView created = pipelines.create(tenant, "  Partners ", partnerStages());

        assertThat(created.name()).isEqualTo("Partners");
        assertThat(created.isDefault()).isFalse();
        assertThat(created.position()).isEqualTo(1);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.stages()).extracting(StageView::key).containsExactly("LEAD", "SIGNED", "DROPPED");
        assertThat(pipelines.get(tenant, created.id())).isEqualTo(created);
        assertThat(pipelines.list(tenant)).extracting(PipelineView::name).containsExactly("Sales", "Partners");
        assertThat(sql.count(
                        "select count(*) from " + tenant.schema() + ".pipeline_stage where pipeline_id = ?",
                        created.id()))
                .isEqualTo(3);
    }

    @Test
    void rejectsInvalidPipelinesWithEveryFieldError() {
        List<NewStage> bad = List.of(
                new NewStage("lead", "Lead", 10, false, false),
                new NewStage("WON", "", 101, true, true),
                new NewStage("OK", "Fine", null, false, false),
                new NewStage("OK", "Again", 5, false, false));

        CrmException e = catchCrm(() -> pipelines.create(tenant, " ", bad));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
        assertThat(e.fieldErrors())
                .extracting(FieldError::field)
                .containsExactly(
                        "name",
                        "stages[0].key",
                        "stages[1].name",
                        "stages[1].probability",
                        "stages[1].lost",
                        "stages[2].probability",
                        "stages[3].key");
        assertThat(catchCrm(() -> pipelines.create(tenant, "Empty", List.of())).fieldErrors())
                .extracting(FieldError::field)
                .containsExactly("stages");
        assertThat(pipelines.list(tenant)).hasSize(1);
    }

    @Test
    void rejectsADuplicateNameAsConflict() {
        assertThat(catchCrm(() -> pipelines.create(tenant, "Sales", partnerStages()))
                        .category())
                .isEqualTo(ErrorCategory.CONFLICT);
        PipelineView partners = pipelines.create(tenant, "Partners", partnerStages());
        assertThat(catchCrm(() -> pipelines.rename(tenant, partners.id(), null, "Sales"))
                        .getMessage())
                .contains("already exists");
    }

    @Test
    void renamesAndBumpsTheVersion() {
        PipelineView sales = sales();

        PipelineView renamed = pipelines.rename(tenant, sales.id(), 1, "Direct sales");

        assertThat(renamed.name()).isEqualTo("Direct sales");
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.updatedAt()).isAfterOrEqualTo(sales.updatedAt());
        assertThat(pipelines.get(tenant, sales.id()).name()).isEqualTo("Direct sales");
    }

    @Test
    void addsUpdatesReordersAndRemovesStages() {
        PipelineView p = pipelines.create(tenant, "Partners", partnerStages());

        p = pipelines.addStage(tenant, p.id(), p.version(), NewStage.open("QUALIFIED", "Qualified", 30), 1);
        assertThat(keys(p)).containsExactly("LEAD", "QUALIFIED", "SIGNED", "DROPPED");
        assertThat(p.stages()).extracting(StageView::position).containsExactly(0, 1, 2, 3);

        p = pipelines.updateStage(
                tenant, p.id(), p.version(), "QUALIFIED", new StageChange(null, "Sales qualified", 35, null, null));
        assertThat(p.stage("QUALIFIED").name()).isEqualTo("Sales qualified");
        assertThat(p.stage("QUALIFIED").probability()).isEqualTo(35);

        p = pipelines.reorderStages(tenant, p.id(), p.version(), List.of("QUALIFIED", "LEAD", "SIGNED", "DROPPED"));
        assertThat(keys(p)).containsExactly("QUALIFIED", "LEAD", "SIGNED", "DROPPED");

        p = pipelines.removeStage(tenant, p.id(), p.version(), "LEAD");
        assertThat(keys(p)).containsExactly("QUALIFIED", "SIGNED", "DROPPED");
        assertThat(p.stages()).extracting(StageView::position).containsExactly(0, 1, 2);
        assertThat(p.version()).isEqualTo(5);
        assertThat(pipelines.get(tenant, p.id())).isEqualTo(p);
    }

    @Test
    void rejectsInvalidStageChanges() {
        PipelineView p = pipelines.create(tenant, "Partners", partnerStages());
        UUID id = p.id();

        assertThat(catchCrm(() -> pipelines.addStage(tenant, id, null, NewStage.open("SIGNED", "Again", 5), null))
                        .category())
                .isEqualTo(ErrorCategory.CONFLICT);
        assertThat(catchCrm(() -> pipelines.addStage(tenant, id, null, NewStage.open("NEXT", "Next", 5), 9))
                        .fieldErrors())
                .extracting(FieldError::field)
                .containsExactly("position");
        assertThat(catchCrm(() -> pipelines.updateStage(
                                tenant, id, null, "SIGNED", new StageChange(null, null, null, null, true)))
                        .fieldErrors())
                .extracting(FieldError::field)
                .containsExactly("lost");
        assertThat(catchCrm(() -> pipelines.updateStage(tenant, id, null, "LEAD", StageChange.rename("SIGNED", null)))
                        .category())
                .isEqualTo(ErrorCategory.CONFLICT);
        assertThat(catchCrm(() -> pipelines.updateStage(tenant, id, null, "NOPE", StageChange.rename("X", null)))
                        .category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(catchCrm(() -> pipelines.reorderStages(tenant, id, null, List.of("LEAD", "LEAD", "SIGNED")))
                        .fieldErrors())
                .extracting(FieldError::field)
                .containsExactly("stageKeys");
        assertThat(pipelines.get(tenant, id)).isEqualTo(p);
    }

    @Test
    void keepsAtLeastOneStage() {
        PipelineView p = pipelines.create(tenant, "Tiny", List.of(NewStage.open("ONLY", "Only", 50)));

        CrmException e = catchCrm(() -> pipelines.removeStage(tenant, p.id(), null, "ONLY"));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(e.getMessage()).contains("last stage");
    }

    @Test
    void renamingAStageKeyCarriesItsOpportunitiesAlong() {
        CrmRecord deal = fixture.core()
                .records()
                .create(tenant, ObjectKind.OPPORTUNITY, Map.of("name", "Deal", "stage", "PROPOSAL"), WriteOptions.FAIL)
                .record();
        PipelineView sales = sales();

        PipelineView changed = pipelines.updateStage(
                tenant, sales.id(), sales.version(), "PROPOSAL", StageChange.rename("OFFER", "Offer"));

        assertThat(changed.stage("OFFER").position()).isEqualTo(3);
        assertThat(changed.stage("PROPOSAL")).isNull();
        assertThat(fixture.core()
                        .records()
                        .get(tenant, ObjectKind.OPPORTUNITY, deal.id())
                        .get("stage"))
                .isEqualTo("OFFER");
    }

    @Test
    void refusesToRemoveAStageOpportunitiesAreIn() {
        createDeal("MEETING");
        createDeal("MEETING");
        PipelineView sales = sales();

        CrmException e = catchCrm(() -> pipelines.removeStage(tenant, sales.id(), null, "MEETING"));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(e.getMessage()).contains("used by 2 opportunities");
        assertThat(keys(pipelines.get(tenant, sales.id()))).contains("MEETING");
        assertThat(keys(pipelines.removeStage(tenant, sales.id(), null, "SCREENING")))
                .doesNotContain("SCREENING");
    }

    @Test
    void pipelineErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        createDeal("MEETING");
        createDeal("MEETING");
        PipelineView sales = sales();

        CrmException inUse = catchCrm(() -> pipelines.removeStage(tenant, sales.id(), null, "MEETING"));
        assertThat(inUse.getMessage())
                .isEqualTo("stage MEETING of pipeline 'Sales' (" + sales.id() + ") is used by 2 opportunities"
                        + " (deleted ones included); move them to another stage first");
        assertThat(messages.describe(inUse, Messages.RUSSIAN))
                .isEqualTo("этап MEETING воронки «Sales» (" + sales.id() + ") используется в 2 сделках (включая"
                        + " удалённые); сначала перенесите их на другой этап");

        CrmException invalid = catchCrm(() -> pipelines.create(
                tenant, " ", List.of(new NewStage("lead", "Lead", 10, false, false), NewStage.open("lead", "", 5))));
        assertThat(invalid.getMessage())
                .isEqualTo("name: must be 1 to 200 characters; stages[0].key: 'lead' must be upper case letters,"
                        + " digits and '_', starting with a letter, at most 63 characters (e.g. PROPOSAL);"
                        + " stages[1].key: 'lead' must be upper case letters, digits and '_', starting with a letter,"
                        + " at most 63 characters (e.g. PROPOSAL); stages[1].name: must be 1 to 200 characters;"
                        + " stages[1].key: 'lead' is used by an earlier stage");
        assertThat(messages.describe(invalid.fieldErrors().get(0), Messages.RUSSIAN))
                .isEqualTo("name: длина должна быть от 1 до 200 символов");
        assertThat(messages.describe(invalid.fieldErrors().get(4), Messages.RUSSIAN))
                .isEqualTo("stages[1].key: ключ «lead» уже занят одним из предыдущих этапов");

        CrmException stale = catchCrm(() -> pipelines.rename(tenant, sales.id(), sales.version() + 1, "New"));
        assertThat(messages.describe(stale, Messages.RUSSIAN))
                .isEqualTo("воронка " + sales.id() + " уже в версии " + sales.version()
                        + ", а изменение сделано для версии " + (sales.version() + 1)
                        + "; загрузите её заново и повторите");
    }

    @Test
    void movesTheDefaultToAnotherPipeline() {
        PipelineView sales = sales();
        PipelineView partners = pipelines.create(tenant, "Partners", partnerStages());

        PipelineView now = pipelines.setDefault(tenant, partners.id(), partners.version());

        assertThat(now.isDefault()).isTrue();
        assertThat(pipelines.get(tenant, sales.id()).isDefault()).isFalse();
        assertThat(sql.count("select count(*) from " + tenant.schema() + ".pipeline where is_default"))
                .isEqualTo(1);
        CrmRecord deal = createDeal(null);
        assertThat(deal.get("pipelineId")).isEqualTo(partners.id().toString());
    }

    @Test
    void deletesAnUnusedPipelineButNotTheDefaultOrOneInUse() {
        PipelineView partners = pipelines.create(tenant, "Partners", partnerStages());
        PipelineView sales = sales();

        CrmException isDefault = catchCrm(() -> pipelines.delete(tenant, sales.id(), null));
        assertThat(isDefault.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(isDefault.getMessage()).contains("default");

        fixture.core()
                .records()
                .create(
                        tenant,
                        ObjectKind.OPPORTUNITY,
                        Map.of(
                                "name",
                                "Partner deal",
                                "pipelineId",
                                partners.id().toString(),
                                "stage",
                                "LEAD"),
                        WriteOptions.FAIL);
        CrmException inUse = catchCrm(() -> pipelines.delete(tenant, partners.id(), null));
        assertThat(inUse.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(inUse.getMessage()).contains("used by 1 opportunities");

        PipelineView spare = pipelines.create(tenant, "Spare", partnerStages());
        pipelines.delete(tenant, spare.id(), spare.version());
        assertThat(catchCrm(() -> pipelines.get(tenant, spare.id())).category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(sql.count(
                        "select count(*) from " + tenant.schema() + ".pipeline_stage where pipeline_id = ?",
                        spare.id()))
                .isZero();
    }

    @Test
    void rejectsAChangeMadeAgainstAStaleVersionNamingBothVersions() {
        PipelineView sales = sales();
        pipelines.rename(tenant, sales.id(), 1, "Renamed once");

        CrmException e = catchCrm(() -> pipelines.addStage(tenant, sales.id(), 1, NewStage.open("X", "X", 1), null));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(e.getMessage()).contains("at version 2").contains("against version 1");
    }

    @Test
    void reportsAnUnknownPipelineAsNotFound() {
        UUID unknown = UUID.randomUUID();
        assertThat(catchCrm(() -> pipelines.get(tenant, unknown)).category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(catchCrm(() -> pipelines.rename(tenant, unknown, null, "X")).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
    }

    @Test
    void refusesAScopeWhoseSchemaIsNotATenantSchema() {
        TenantScope forged = new TenantScope(tenant.tenantId(), tenant.slug(), "crm_control", "x", null);

        assertThat(catchCrm(() -> pipelines.list(forged)).category()).isEqualTo(ErrorCategory.INTERNAL);
    }

    private PipelineView sales() {
        return pipelines.list(tenant).get(0);
    }

    private CrmRecord createDeal(String stage) {
        Map<String, Object> input = stage == null ? Map.of("name", "Deal") : Map.of("name", "Deal", "stage", stage);
        return fixture.core()
                .records()
                .create(tenant, ObjectKind.OPPORTUNITY, input, WriteOptions.FAIL)
                .record();
    }

    private static List<NewStage> partnerStages() {
        return List.of(
                NewStage.open("LEAD", "Lead", 10),
                new NewStage("SIGNED", "Signed", 100, true, false),
                new NewStage("DROPPED", "Dropped", 0, false, true));
    }

    private static List<String> keys(PipelineView p) {
        return p.stages().stream().map(StageView::key).toList();
    }

    static CrmException catchCrm(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(CrmException.class);
        return (CrmException) t;
    }
}
