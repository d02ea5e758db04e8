package com.makcrm.core.pipeline;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;

/**
 * Pipelines from plain Java: Hibernate starts on the first {@link #service()} call, not before, so code that never
 * touches pipelines (the CLI managing tenants) never pays for it. Thread-safe.
 */
public final class Pipelines implements AutoCloseable {

    private final DataSource dataSource;
    private EntityManagerFactory factory;
    private PipelineService service;

    private Pipelines(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Cheap: nothing is started until {@link #service()}. */
    public static Pipelines over(DataSource dataSource) {
        return new Pipelines(dataSource);
    }

    public synchronized PipelineService service() {
        if (service == null) {
            PipelinePersistence persistence = new PipelinePersistence(dataSource);
            factory = StandaloneHibernate.entityManagerFactory(persistence);
            service = persistence.newService(factory);
        }
        return service;
    }

    /** Whether Hibernate has been started. */
    public synchronized boolean started() {
        return factory != null;
    }

    /** Stops Hibernate if it was started; the data source stays open (it is the caller's). */
    @Override
    public synchronized void close() {
        if (factory != null) {
            factory.close();
            factory = null;
            service = null;
        }
    }
}
