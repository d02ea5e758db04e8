package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TestSql;
import com.makcrm.core.autoconfigure.CrmCoreAutoConfiguration;
import com.makcrm.core.autoconfigure.CrmPipelineAutoConfiguration;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same isolation, through the service the auto-configuration builds over Boot's EntityManagerFactory. */
class PipelineSpringIsolationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    HibernateJpaAutoConfiguration.class,
                    CrmCoreAutoConfiguration.class,
                    CrmPipelineAutoConfiguration.class))
            .withBean(DataSource.class, PipelineSpringIsolationTest::sharedPool)
            // must lose against the auto-configuration: Flyway owns the DDL
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=create");

    @Test
    void autoConfiguredServiceKeepsConcurrentTenantsApart() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PipelineService.class);
            TenantService tenants = context.getBean(TenantService.class);
            TenantScope a = newTenant(tenants);
            TenantScope b = newTenant(tenants);

            new IsolationDrill(context.getBean(PipelineService.class), a, b).run(8, 20);
        });
    }

    @Test
    void turnsOffSchemaGenerationWhateverTheApplicationAsks() {
        runner.run(context -> {
            assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                    .containsEntry("hibernate.hbm2ddl.auto", "none");
            assertThat(new TestSql(db.dataSource())
                            .count("select count(*) from information_schema.tables where table_name like 'pipeline%'"
                                    + " and table_schema not like 't\\_%'"))
                    .isZero();
        });
    }

    @Test
    void runsInATransactionOfItsOwnInsideACallersTransaction() {
        runner.run(context -> {
            PipelineService service = context.getBean(PipelineService.class);
            TenantScope a = newTenant(context.getBean(TenantService.class));
            TransactionTemplate callers = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            callers.executeWithoutResult(status -> {
                service.create(a, "Committed", List.of(NewStage.open("ONE", "One", 10)));
                status.setRollbackOnly();
            });

            assertThat(service.list(a)).extracting(PipelineView::name).containsExactly("Sales", "Committed");
        });
    }

    @Test
    void setsAsideAnEntityManagerOpenForAWholeRequest() {
        runner.run(context -> {
            PipelineService service = context.getBean(PipelineService.class);
            TenantScope a = newTenant(context.getBean(TenantService.class));
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            // what open-session-in-view does at the start of a web request: a session with no tenant
            EntityManagerHolder open = new EntityManagerHolder(emf.createEntityManager());
            TransactionSynchronizationManager.bindResource(emf, open);
            try {
                assertThat(service.list(a)).hasSize(1);
                assertThat(TransactionSynchronizationManager.getResource(emf)).isSameAs(open);
            } finally {
                TransactionSynchronizationManager.unbindResource(emf);
                open.getEntityManager().close();
            }
        });
    }

    @Test
    void backsOffWithoutBootsJpaAutoConfiguration() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(CrmCoreAutoConfiguration.class, CrmPipelineAutoConfiguration.class))
                .withBean(DataSource.class, PipelineSpringIsolationTest::sharedPool)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PipelineService.class);
                });
    }

    // a context closes a closeable DataSource bean; the test database's pool must outlive each context
    private static DataSource sharedPool() {
        return new DelegatingDataSource(db.dataSource());
    }

    private static TenantScope newTenant(TenantService tenants) {
        String slug = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        return TenantScope.of(tenants.create(slug, null, "spring").tenant(), "spring");
    }
}
