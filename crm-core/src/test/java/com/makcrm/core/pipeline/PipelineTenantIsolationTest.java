package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelineTenantIsolationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void twoTenantsUsedConcurrentlyFromManyThreadsNeverSeeEachOthersRows() throws Exception {
        TenantFixture fixture = new TenantFixture(db);
        TenantScope a = fixture.newTenant();
        TenantScope b = fixture.newTenant();

        try (Pipelines pipelines = Pipelines.over(db.dataSource())) {
            new IsolationDrill(pipelines.service(), a, b).run(8, 50);
        }

        // and every row went to its own schema, as the database itself says
        TestSql sql = new TestSql(db.dataSource());
        for (TenantScope t : new TenantScope[] {a, b}) {
            assertThat(sql.count("select count(*) from " + t.schema() + ".pipeline"))
                    .isEqualTo(201);
            assertThat(sql.count(
                            "select count(*) from " + t.schema() + ".pipeline where name <> 'Sales' and name"
                                    + " not like ?",
                            t.slug() + "-%"))
                    .isZero();
        }
    }

    @Test
    void aPooledConnectionLeavesNoTenantSchemaBehind() throws Exception {
        TenantFixture fixture = new TenantFixture(db);
        TenantScope a = fixture.newTenant();
        try (Pipelines pipelines = Pipelines.over(db.dataSource())) {
            pipelines.service().list(a);
        }

        // the pool has 10 connections; none of them may still point at the tenant
        TestSql sql = new TestSql(db.dataSource());
        for (int i = 0; i < 20; i++) {
            assertThat(sql.one("show search_path")).isEqualTo("\"$user\", public");
        }
    }
}
