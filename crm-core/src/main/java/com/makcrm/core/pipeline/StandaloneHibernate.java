package com.makcrm.core.pipeline;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Hibernate's own bootstrap for the pipeline entities, for use without Spring. */
final class StandaloneHibernate {

    static final String PERSISTENCE_UNIT = "crm-pipelines";

    private StandaloneHibernate() {}

    static EntityManagerFactory entityManagerFactory(PipelinePersistence persistence) {
        return new HibernatePersistenceConfiguration(PERSISTENCE_UNIT)
                .managedClasses(PipelinePersistence.entityClasses())
                .properties(persistence.hibernateSettings())
                .createEntityManagerFactory();
    }
}
