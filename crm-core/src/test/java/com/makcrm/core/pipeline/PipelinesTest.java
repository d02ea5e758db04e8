package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelinesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void startsHibernateOnlyOnFirstUseAndOnlyOnce() {
        try (Pipelines pipelines = Pipelines.over(db.dataSource())) {
            assertThat(pipelines.started()).isFalse();

            PipelineService service = pipelines.service();

            assertThat(pipelines.started()).isTrue();
            assertThat(pipelines.service()).isSameAs(service);
        }
    }

    @Test
    void canBeClosedAndStartedAgain() {
        TenantScope tenant = new TenantFixture(db).newTenant();
        Pipelines pipelines = Pipelines.over(db.dataSource());
        pipelines.close(); // never started: nothing to do
        assertThat(pipelines.service().list(tenant)).hasSize(1);
        pipelines.close();
        assertThat(pipelines.started()).isFalse();
        assertThat(pipelines.service().list(tenant)).hasSize(1);
        pipelines.close();
    }
}
