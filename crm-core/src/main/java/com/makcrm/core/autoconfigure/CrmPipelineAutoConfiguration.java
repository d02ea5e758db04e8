package com.makcrm.core.autoconfigure;

import com.makcrm.core.pipeline.PipelinePersistence;
import com.makcrm.core.pipeline.PipelineService;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;

/**
 * Pipelines in a Spring Boot application that has Boot's Hibernate JPA auto-configuration: the entity manager
 * factory Boot builds gets the pipeline entities and schema-per-tenant multi-tenancy, with schema generation off
 * (Flyway owns the DDL), and a {@link PipelineService} is built over it.
 *
 * <p>The multi-tenancy settings apply to the whole persistence unit: any entity of the application becomes
 * tenant-scoped too, and JPA work outside a {@code PipelineService} call runs with no tenant schema on the path.
 * Open-session-in-view must be off ({@code spring.jpa.open-in-view=false}): its session has no tenant.
 */
@AutoConfiguration(
        after = CrmCoreAutoConfiguration.class,
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({
    HibernatePropertiesCustomizer.class,
    EntityManagerFactoryBuilderCustomizer.class,
    JpaRepositoryFactory.class
})
@ConditionalOnBean(DataSource.class)
public class CrmPipelineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PipelinePersistence pipelinePersistence(DataSource dataSource) {
        return new PipelinePersistence(dataSource);
    }

    @Bean
    public HibernatePropertiesCustomizer pipelineHibernateProperties(PipelinePersistence persistence) {
        // customizers run after Boot's own defaults and spring.jpa.* settings, so these win (ddl-auto included)
        return properties -> properties.putAll(persistence.hibernateSettings());
    }

    @Bean
    public EntityManagerFactoryBuilderCustomizer pipelineEntityClasses() {
        // Boot scans only the application's packages for entities; crm-core's are added to the unit explicitly
        return builder -> builder.setPersistenceUnitPostProcessors(
                unit -> PipelinePersistence.entityClassNames().forEach(unit::addManagedClassName));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(EntityManagerFactory.class)
    public PipelineService pipelineService(PipelinePersistence persistence, EntityManagerFactory emf) {
        return persistence.newService(emf);
    }
}
