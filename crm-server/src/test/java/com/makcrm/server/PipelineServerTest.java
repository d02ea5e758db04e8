package com.makcrm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.pipeline.IsolationDrill;
import com.makcrm.core.pipeline.PipelineService;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server's own wiring: Boot's EntityManagerFactory, made schema-per-tenant by crm-core, keeps tenants apart. */
@SpringBootTest
class PipelineServerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Autowired
    PipelineService pipelines;

    @Autowired
    TenantService tenants;

    @Autowired
    ApplicationContext context;

    @Test
    void keepsConcurrentTenantsApart() throws Exception {
        TenantScope a = TenantScope.of(tenants.create("pipes-a", null, "test").tenant(), "test");
        TenantScope b = TenantScope.of(tenants.create("pipes-b", null, "test").tenant(), "test");

        new IsolationDrill(pipelines, a, b).run(8, 20);
    }

    @Test
    void opensNoSessionPerWebRequest() {
        assertThat(context.getBeanNamesForType(OpenEntityManagerInViewInterceptor.class))
                .isEmpty();
    }
}
