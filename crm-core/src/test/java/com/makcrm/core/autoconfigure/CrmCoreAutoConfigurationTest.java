package com.makcrm.core.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TestSql;
import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

class CrmCoreAutoConfigurationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmCoreAutoConfiguration.class))
            // a wrapper without close(): each context would otherwise close the shared pool when it stops
            .withBean(DataSource.class, () -> new DelegatingDataSource(db.dataSource()));

    @Test
    void exposesCoreServicesAndMigratesOnStart() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CrmCore.class);
            assertThat(context).hasSingleBean(TenantService.class);
            assertThat(context).hasSingleBean(MigrationService.class);
            assertThat(new TestSql(db.dataSource()).tableExists("crm_control", "tenant"))
                    .isTrue();
            String slug = "auto" + Long.toHexString(System.nanoTime());
            assertThat(context.getBean(TenantService.class)
                            .create(slug, null, "spring")
                            .created())
                    .isTrue();
        });
    }

    @Test
    void createsTheConfiguredDatabaseWhenMissing() {
        onANewDatabase(
                "autocreate",
                (runner, ds) -> runner.run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(new TestSql(ds).tableExists("crm_control", "tenant"))
                            .isTrue();
                }));
    }

    @Test
    void withoutMigrationsOnStartAnOldControlSchemaStopsTheStart() {
        onANewDatabase(
                "nomigrate",
                (runner, ds) -> runner.withPropertyValues("crm.core.migrate-on-start=false")
                        .run(context -> {
                            assertThat(context).hasFailed();
                            assertThat(context.getStartupFailure())
                                    .rootCause()
                                    .hasMessageContaining("CRM_MIGRATE_ON_START=false")
                                    .hasMessageContaining("control schema is at version (none)")
                                    .hasMessageContaining("crm migrate up");
                            assertThat(new TestSql(ds).tableExists("crm_control", "tenant"))
                                    .isFalse();
                        }));
    }

    /**
     * A context runner over a database that does not exist yet (named in spring.datasource.url, as the server
     * would), and a pool on it that outlives the context; both are dropped afterwards.
     */
    private static void onANewDatabase(
            String purpose, java.util.function.BiConsumer<ApplicationContextRunner, DataSource> test) {
        var pg = com.makcrm.core.testsupport.TestServices.postgres();
        String name = "crm_test_" + purpose + "_" + Long.toHexString(System.nanoTime());
        String url = pg.jdbcUrl(name);
        try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername(pg.user());
            ds.setPassword(pg.password());
            test.accept(
                    new ApplicationContextRunner()
                            .withConfiguration(AutoConfigurations.of(CrmCoreAutoConfiguration.class))
                            .withBean(DataSource.class, () -> new DelegatingDataSource(ds))
                            .withPropertyValues(
                                    "spring.datasource.url=" + url, "spring.datasource.username=" + pg.user()),
                    ds);
        } finally {
            TestDatabase.dropQuietly(name);
        }
    }

    @Test
    void objectStorageComesFromTheStorageUrl(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        runner.withPropertyValues("crm.core.storage-url=" + dir.resolve("objects"))
                .run(context -> {
                    assertThat(context).hasSingleBean(com.makcrm.core.storage.ObjectStorage.class);
                    var storage = context.getBean(com.makcrm.core.storage.ObjectStorage.class);
                    storage.put("probe", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3, null);
                    assertThat(dir.resolve("objects")).isNotEmptyDirectory();
                    assertThat(context.getBean(CrmCore.class).attachments()).isNotNull();
                });
        runner.run(context -> assertThat(context).doesNotHaveBean(com.makcrm.core.storage.ObjectStorage.class));
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CrmCoreAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(CrmCore.class));
    }
}
