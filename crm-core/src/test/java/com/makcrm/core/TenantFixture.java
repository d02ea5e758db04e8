package com.makcrm.core;

import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.UUID;

/** crm-core over a test database, with tenants created on demand. */
public final class TenantFixture {

    private final CrmCore core;

    public TenantFixture(TestDatabase db) {
        this.core = CrmCore.create(db.dataSource());
        core.migrations().migrateControl();
    }

    public CrmCore core() {
        return core;
    }

    /** A fresh ACTIVE tenant, as its user "tester". */
    public TenantScope newTenant() {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        Tenant t = core.tenants().create(slug, null, "tester").tenant();
        return TenantScope.of(t, "tester");
    }
}
