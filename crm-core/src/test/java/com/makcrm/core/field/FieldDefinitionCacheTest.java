package com.makcrm.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TenantFixture;
import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Record reads use cached definitions: fresh in this process at once, from another one within the TTL. */
class FieldDefinitionCacheTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final TenantFixture fixture = new TenantFixture(db);

    @Test
    void aFieldAddedHereIsReadAtOnce() {
        CrmCore core = fixture.core();
        TenantScope t = fixture.newTenant();
        var id = core.records()
                .create(t, ObjectKind.COMPANY, Map.of("name", "Acme"), WriteOptions.FAIL)
                .record()
                .id();
        assertThat(custom(core.records().get(t, ObjectKind.COMPANY, id).fields()))
                .isEmpty(); // now cached

        core.fields().create(t.schema(), text("tier"));
        core.records().update(t, ObjectKind.COMPANY, id, 1, Map.of("custom", Map.of("tier", "gold")));

        assertThat(custom(core.records().get(t, ObjectKind.COMPANY, id).fields()))
                .containsEntry("tier", "gold");
    }

    @Test
    void aFieldAddedElsewhereIsReadAfterTheTtlAndWritesNeverWaitForIt() {
        AtomicLong nanos = new AtomicLong();
        FieldDefinitionCache cache = new FieldDefinitionCache(Duration.ofSeconds(2), nanos::get);
        TenantTransactions tx = new TenantTransactions(db.dataSource());
        RecordService here = new RecordService(tx, cache);
        CrmCore elsewhere = fixture.core(); // another process: its own cache
        TenantScope t = fixture.newTenant();
        var id = here.create(t, ObjectKind.COMPANY, Map.of("name", "Acme"), WriteOptions.FAIL)
                .record()
                .id();
        here.get(t, ObjectKind.COMPANY, id); // caches "no custom fields"

        elsewhere.fields().create(t.schema(), text("tier"));
        // a write validates against fresh definitions, so the new field is accepted here at once
        here.update(t, ObjectKind.COMPANY, id, 1, Map.of("custom", Map.of("tier", "gold")));

        assertThat(custom(here.get(t, ObjectKind.COMPANY, id).fields())).doesNotContainKey("tier");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(custom(here.get(t, ObjectKind.COMPANY, id).fields())).containsEntry("tier", "gold");
    }

    private static NewField text(String name) {
        return new NewField("company", name, null, CustomFieldType.TEXT, false, null, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> custom(Map<String, Object> fields) {
        return (Map<String, Object>) fields.get("custom");
    }
}
