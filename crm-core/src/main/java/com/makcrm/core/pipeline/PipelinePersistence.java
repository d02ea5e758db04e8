package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.DefaultJpaDialect;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;

/**
 * What an EntityManagerFactory needs to serve pipelines: the entity classes and Hibernate settings for one schema
 * per tenant (connections from the {@link DataSource}, tenant from the current service call), and no schema
 * generation (Flyway owns the DDL). {@link Pipelines} builds such a factory itself; the Spring Boot
 * auto-configuration hands the settings to the factory Boot builds. Either way {@link #newService} then makes the
 * service over it.
 */
public final class PipelinePersistence {

    private final TenantBinding binding = new TenantBinding();
    private final ScopedTenantResolver resolver = new ScopedTenantResolver(binding);
    private final SchemaPerTenantConnectionProvider connections;

    public PipelinePersistence(DataSource dataSource) {
        this.connections = new SchemaPerTenantConnectionProvider(dataSource);
    }

    /** Class names for a persistence unit (Boot's scanning does not reach crm-core's packages). */
    public static List<String> entityClassNames() {
        return entityClasses().stream().map(Class::getName).toList();
    }

    static List<Class<?>> entityClasses() {
        return List.of(Pipeline.class, PipelineStage.class);
    }

    /** Hibernate properties; they apply to the whole persistence unit they are given to. */
    public Map<String, Object> hibernateSettings() {
        return Map.of(
                MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                connections,
                MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                resolver,
                SchemaToolingSettings.HBM2DDL_AUTO,
                "none",
                SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION,
                "none");
    }

    /**
     * The service over a factory configured with {@link #hibernateSettings()} and {@link #entityClassNames()}.
     * Repositories and transactions come from Spring Data and Spring's JPA transaction manager, used as plain
     * objects: no application context is involved.
     */
    public PipelineService newService(EntityManagerFactory emf) {
        requireConfigured(emf);
        PipelineTransactions tx = new PipelineTransactions(binding, emf, transactionManager(emf));
        JpaRepositoryFactory repositories = new JpaRepositoryFactory(tx.entityManager());
        return new PipelineService(
                tx,
                repositories.getRepository(PipelineRepository.class),
                repositories.getRepository(PipelineStageRepository.class));
    }

    private static JpaTransactionManager transactionManager(EntityManagerFactory emf) {
        JpaTransactionManager tm = new JpaTransactionManager(emf);
        // Hibernate takes its connections from the tenant connection provider; exposing them to DataSourceUtils
        // would only collide with a caller's own DataSource transaction
        tm.setDataSource(null);
        if (tm.getJpaDialect().getClass() == DefaultJpaDialect.class) {
            tm.setJpaDialect(new HibernateJpaDialect()); // plain Hibernate factory: no dialect to pick up
        }
        return tm;
    }

    // a factory built without our settings would run every tenant's queries on the default search_path
    private void requireConfigured(EntityManagerFactory emf) {
        Object configured = emf.unwrap(SessionFactoryImplementor.class)
                .getSessionFactoryOptions()
                .getCurrentTenantIdentifierResolver();
        if (configured != resolver) {
            throw CrmException.internal(
                    "the EntityManagerFactory was not built with this PipelinePersistence's hibernateSettings()", null);
        }
        entityClasses().forEach(c -> emf.getMetamodel().entity(c));
    }
}
