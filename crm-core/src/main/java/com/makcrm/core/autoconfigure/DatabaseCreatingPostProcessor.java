package com.makcrm.core.autoconfigure;

import com.makcrm.core.db.DatabaseBootstrap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Creates the database named by {@code spring.datasource.url} as soon as the DataSource bean exists, before
 * anything (Flyway, Hibernate) opens a connection: a fresh cluster needs no manual {@code createdb}.
 */
final class DatabaseCreatingPostProcessor implements BeanPostProcessor {

    private final Environment environment;
    private boolean done;

    DatabaseCreatingPostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !done) {
            done = true;
            String url = environment.getProperty("spring.datasource.url");
            boolean enabled = environment.getProperty("crm.core.create-database", Boolean.class, true);
            if (enabled && url != null && url.startsWith("jdbc:postgresql:")) {
                DatabaseBootstrap.ensureDatabaseExists(
                        url,
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
            }
        }
        return bean;
    }
}
