package com.makcrm.cli.tenant;

import com.makcrm.cli.output.Table;
import com.makcrm.core.tenant.OperationRecord;
import com.makcrm.core.tenant.Tenant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine form of a tenant in {@code -o json|yaml}. Documented in README.md; fields are only ever added.
 */
final class TenantView {

    private TenantView() {}

    static Map<String, Object> of(Tenant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().toString());
        m.put("slug", t.slug());
        m.put("name", t.displayName());
        m.put("status", t.status().name());
        m.put("schema", t.schemaName());
        m.put("shard", t.shard());
        m.put("schemaVersion", t.schemaVersion());
        m.put("createdAt", text(t.createdAt()));
        m.put("updatedAt", text(t.updatedAt()));
        m.put("deletedAt", text(t.deletedAt()));
        m.put("purgeAfter", text(t.purgeAfter()));
        return m;
    }

    static Map<String, Object> of(OperationRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", r.operation());
        m.put("actor", r.actor());
        m.put("outcome", r.outcome().name());
        m.put("detail", r.detail());
        m.put("startedAt", text(r.startedAt()));
        m.put("finishedAt", text(r.finishedAt()));
        return m;
    }

    static Table table(List<Tenant> tenants) {
        Table table = new Table("SLUG", "NAME", "STATUS", "VERSION", "SHARD", "CREATED");
        for (Tenant t : tenants) {
            table.row(t.slug(), t.displayName(), t.status(), t.schemaVersion(), t.shard(), text(t.createdAt()));
        }
        return table;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
