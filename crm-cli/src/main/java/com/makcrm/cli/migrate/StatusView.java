package com.makcrm.cli.migrate;

import com.makcrm.cli.output.Table;
import com.makcrm.core.migration.TenantSchemaStatus;
import com.makcrm.core.schema.Drift;
import com.makcrm.core.schema.SchemaState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Machine and table forms of migration status; the JSON/YAML fields are documented in README.md. */
final class StatusView {

    private StatusView() {}

    static Map<String, Object> of(SchemaState control, String latest, List<TenantSchemaStatus> tenants) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latestTenantVersion", latest);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("currentVersion", control.currentVersion());
        c.put("pending", control.pending());
        c.put("drift", control.drift().stream().map(StatusView::drift).toList());
        m.put("control", c);
        m.put("tenants", tenants.stream().map(StatusView::tenant).toList());
        return m;
    }

    private static Map<String, Object> tenant(TenantSchemaStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", s.tenant());
        m.put("status", s.status().name());
        m.put("currentVersion", s.currentVersion());
        m.put("pending", s.pending());
        m.put("drift", s.drift().stream().map(StatusView::drift).toList());
        m.put("error", s.error());
        return m;
    }

    private static Map<String, Object> drift(Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", d.version());
        m.put("kind", d.kind().name());
        m.put("message", d.message());
        return m;
    }

    static Table table(SchemaState control, List<TenantSchemaStatus> tenants) {
        Table t = new Table("TENANT", "STATUS", "VERSION", "PENDING", "DRIFT");
        t.row("(control)", "-", control.currentVersion(), join(control.pending()), drift(control.drift()));
        for (TenantSchemaStatus s : tenants) {
            String driftText = s.error() != null ? "ERROR: " + s.error() : drift(s.drift());
            t.row(s.tenant(), s.status(), s.currentVersion(), join(s.pending()), driftText);
        }
        return t;
    }

    private static String join(List<String> versions) {
        return String.join(",", versions);
    }

    private static String drift(List<Drift> drift) {
        return String.join(
                "; ", drift.stream().map(d -> d.kind() + " " + d.version()).toList());
    }
}
