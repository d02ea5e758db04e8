package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.CrmCore;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import com.makcrm.server.TestTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tenants that may not be served: suspended ones (403), and ones whose schema lags behind this build (503). */
class TenantStateApiTest extends ApiTestBase {

    @Autowired
    CrmCore core;

    @Test
    void aSuspendedTenantServesNoRequests() {
        TestTenant t = newTenant();
        core.tenants().suspend(t.slug(), "test");

        Response r = api.get("/api/v1/companies", t.owner());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("detail")).contains(t.slug()).contains("suspended");
    }

    @Test
    void aTenantWhoseSchemaIsOlderThanThisBuildNeedsGets503AndNothingRuns() throws Exception {
        TestTenant t = newTenant();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update crm_control.tenant set schema_version = '1' where slug = ?")) {
            ps.setString(1, t.slug());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        Response write = api.post("/api/v1/companies", t.member(), Map.of("name", "Never stored"));
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.text("type")).isEqualTo("https://makcrm.dev/problems/unavailable");
        assertThat(write.body()).doesNotContain("schema");

        TestTenant healthy = newTenant();
        assertThat(api.post("/api/v1/companies", healthy.member(), Map.of("name", "Fine"))
                        .status())
                .isEqualTo(201);
    }
}
