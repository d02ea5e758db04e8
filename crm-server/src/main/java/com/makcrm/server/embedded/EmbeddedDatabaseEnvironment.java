package com.makcrm.server.embedded;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the embedded default: when no database URL is configured ({@code CRM_DATABASE_URL} or
 * {@code spring.datasource.url}, blank counts as unset), the connection comes from an {@link EmbeddedDatabase}
 * under {@code crm.data-dir}. Runs after application.yaml is loaded (lowest precedence among post-processors). The
 * database becomes the bean {@value EmbeddedDatabase#BEAN_NAME}, closed with the context after every data source.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String DATA_DIR = "crm.data-dir";
    static final String DEFAULT_DATA_DIR = "./data";

    private final ConfigurableBootstrapContext bootstrap;

    EmbeddedDatabaseEnvironment(ConfigurableBootstrapContext bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        EmbeddedDatabase database = new EmbeddedDatabase(Path.of(environment.getProperty(DATA_DIR, DEFAULT_DATA_DIR)));
        environment.getPropertySources().addFirst(new EmbeddedDatabasePropertySource(database));
        // initdb and server output go to postgres.log; zonky's own progress lines are noise on the console
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "crmEmbeddedDatabaseDefaults", Map.of("logging.level.io.zonky.test.db.postgres", "warn")));
        bootstrap.addCloseListener(event -> register(event.getApplicationContext(), database));
    }

    private static void register(ConfigurableApplicationContext context, EmbeddedDatabase database) {
        if (!(context instanceof BeanDefinitionRegistry registry)) {
            throw new IllegalStateException("cannot register the embedded database with " + context.getClass());
        }
        RootBeanDefinition definition = new RootBeanDefinition(EmbeddedDatabase.class, () -> database);
        definition.setDestroyMethodName("close");
        registry.registerBeanDefinition(EmbeddedDatabase.BEAN_NAME, definition);
        context.addBeanFactoryPostProcessor(EmbeddedDatabaseEnvironment::closeAfterDataSources);
    }

    /** Data sources (and so everything using them) are destroyed before the database stops under them. */
    private static void closeAfterDataSources(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
            beanFactory.registerDependentBean(EmbeddedDatabase.BEAN_NAME, name);
        }
    }
}
