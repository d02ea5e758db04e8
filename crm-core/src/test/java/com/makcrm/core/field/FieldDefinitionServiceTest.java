package com.makcrm.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FieldDefinitionServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static FieldDefinitionService fields;
    private TenantScope tenant;

    @BeforeAll
    static void core() {
        fixture = new TenantFixture(db);
        fields = fixture.core().fields();
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
    }

    private FieldDefinition add(String object, String name, CustomFieldType type) {
        return fields.create(tenant.schema(), new NewField(object, name, null, type, false, null, null, null));
    }

    @Test
    void addingAndRemovingAFieldNeverRewritesTheTable() {
        TestSql sql = new TestSql(db.dataSource());
        String table = tenant.schema() + ".person";
        Object fileBefore = sql.one("select pg_relation_filenode('" + table + "')");

        add("person", "shoeSize", CustomFieldType.NUMBER);
        fields.delete(tenant.schema(), "person", "shoeSize");

        assertThat(sql.one("select pg_relation_filenode('" + table + "')")).isEqualTo(fileBefore);
    }

    @Test
    void createsEveryTypeAndListsThemInOrder() {
        int i = 0;
        for (CustomFieldType type : CustomFieldType.values()) {
            List<SelectOption> options = type == CustomFieldType.SELECT || type == CustomFieldType.MULTI_SELECT
                    ? List.of(new SelectOption("A", null, null))
                    : null;
            fields.create(
                    tenant.schema(),
                    new NewField("opportunity", "field" + i++, null, type, false, null, options, null));
        }
        assertThat(fields.list(tenant.schema(), "opportunity"))
                .extracting(FieldDefinition::type)
                .containsExactly(CustomFieldType.values());
    }

    @Test
    void rejectsBadDefinitionsWithFieldErrors() {
        assertThatThrownBy(() -> fields.create(
                        tenant.schema(),
                        new NewField(
                                "company", "Bad Name", null, CustomFieldType.SELECT, false, "ZZZ", List.of(), null)))
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .contains("name", "options"));
        assertThatThrownBy(() -> add("company", "domain", CustomFieldType.TEXT)).hasMessageContaining("built-in");
        assertThatThrownBy(() -> add("task", "points", CustomFieldType.NUMBER)).hasMessageContaining("custom fields");
        assertThatThrownBy(() -> fields.create(
                        tenant.schema(),
                        new NewField("company", "founded", null, CustomFieldType.DATE, false, "yesterday", null, null)))
                .hasMessageContaining("defaultValue");
    }

    @Test
    void definitionErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        add("company", "tier", CustomFieldType.TEXT);

        CrmException exists =
                catchThrowableOfType(CrmException.class, () -> add("company", "tier", CustomFieldType.NUMBER));
        assertThat(exists.getMessage()).isEqualTo("custom field company.tier already exists");
        assertThat(messages.describe(exists, Messages.RUSSIAN))
                .isEqualTo("настраиваемое поле company.tier уже существует");

        CrmException stale = catchThrowableOfType(
                CrmException.class,
                () -> fields.update(
                        tenant.schema(), "company", "tier", 7, new FieldChange("T", null, null, false, null, null)));
        assertThat(stale.getMessage()).isEqualTo("custom field company.tier is at version 1, not 7");
        assertThat(messages.describe(stale, Messages.RUSSIAN))
                .isEqualTo("настраиваемое поле company.tier уже в версии 1, а не 7");

        CrmException invalid = catchThrowableOfType(
                CrmException.class,
                () -> fields.create(
                        tenant.schema(),
                        new NewField(
                                "company",
                                "Bad Name",
                                null,
                                CustomFieldType.SELECT,
                                false,
                                null,
                                List.of(new SelectOption("A", null, null), new SelectOption("A", null, null)),
                                null)));
        assertThat(invalid.getMessage())
                .isEqualTo("name: must be camelCase letters and digits starting with a lowercase letter (at most 63),"
                        + " got 'Bad Name'; options: value 'A' appears twice");
        assertThat(messages.describe(invalid, Messages.RUSSIAN))
                .isEqualTo("name: имя должно быть в camelCase из латинских букв и цифр, начинаться со строчной буквы"
                        + " и быть не длиннее 63 символов, получено «Bad Name»; options: значение «A» встречается"
                        + " дважды");
    }

    @Test
    void duplicateNameConflicts() {
        add("company", "tier", CustomFieldType.TEXT);
        assertThatThrownBy(() -> add("company", "tier", CustomFieldType.NUMBER))
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.CONFLICT);
    }

    @Test
    void removedFieldDisappearsFromRecordsAndReAddingStartsClean() {
        add("company", "rating", CustomFieldType.NUMBER);
        CrmRecord c = fixture.core()
                .records()
                .create(
                        tenant,
                        ObjectKind.COMPANY,
                        Map.of("name", "Rated", "custom", Map.of("rating", 5)),
                        WriteOptions.FAIL)
                .record();
        assertThat(c.get("custom")).isEqualTo(Map.of("rating", 5));

        fields.delete(tenant.schema(), "company", "rating");

        assertThat(fixture.core()
                        .records()
                        .get(tenant, ObjectKind.COMPANY, c.id())
                        .get("custom"))
                .isEqualTo(Map.of());
        assertThatThrownBy(() -> fields.delete(tenant.schema(), "company", "rating"))
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
    }

    @Test
    void updateChangesLabelOptionsAndRequiredWithVersionCheck() {
        FieldDefinition f = fields.create(
                tenant.schema(),
                new NewField(
                        "person",
                        "seniority",
                        "Seniority",
                        CustomFieldType.SELECT,
                        false,
                        null,
                        List.of(new SelectOption("JUNIOR", null, null)),
                        null));

        FieldDefinition changed = fields.update(
                tenant.schema(),
                "person",
                "seniority",
                f.version(),
                new FieldChange(
                        "Level",
                        true,
                        null,
                        false,
                        List.of(new SelectOption("JUNIOR", null, null), new SelectOption("SENIOR", "Senior", "#f00")),
                        null));

        assertThat(changed.label()).isEqualTo("Level");
        assertThat(changed.required()).isTrue();
        assertThat(changed.allows("SENIOR")).isTrue();
        assertThat(changed.version()).isEqualTo(2);
        assertThatThrownBy(() -> fields.update(
                        tenant.schema(),
                        "person",
                        "seniority",
                        1,
                        new FieldChange("Stale", null, null, false, null, null)))
                .hasMessageContaining("version 2");
    }
}
