package com.makcrm.core.autoconfigure;

import com.makcrm.core.CrmCore;
import com.makcrm.core.migration.FanOutListener;
import com.makcrm.core.migration.FanOutReport;
import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.migration.TenantMigrationResult;
import com.makcrm.core.schema.SchemaState;
import com.makcrm.core.schema.SchemaVersions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.tenant.TenantService;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Exposes the plain-Java crm-core services as beans over the application's {@link DataSource}. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(CrmCoreProperties.class)
public class CrmCoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CrmCoreAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public CrmCore crmCore(DataSource dataSource, CrmCoreProperties properties, ObjectProvider<ObjectStorage> storage) {
        CrmCore core = CrmCore.create(
                dataSource,
                new CrmCore.Settings(
                        properties.extraTenantMigrations(), properties.deletionGrace(), storage.getIfAvailable()));
        if (properties.migrateOnStart()) {
            migrateAll(core);
        } else {
            requireCurrentSchemas(core);
        }
        return core;
    }

    /** Object storage for attachments, when {@code crm.core.storage-url} names one. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "crm.core", name = "storage-url")
    public ObjectStorage crmObjectStorage(CrmCoreProperties properties) {
        ObjectStorage storage = ObjectStorages.fromUrl(properties.storageUrl(), properties.s3());
        log.info("object storage for attachments: {}", storage.getClass().getSimpleName());
        return storage;
    }

    /** Static: post-processors are created before the configuration class itself. */
    @Bean
    static BeanPostProcessor crmDatabaseCreator(Environment environment) {
        return new DatabaseCreatingPostProcessor(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public TenantService tenantService(CrmCore core) {
        return core.tenants();
    }

    @Bean
    @ConditionalOnMissingBean
    public MigrationService migrationService(CrmCore core) {
        return core.migrations();
    }

    /**
     * Without migrations on start, a control schema older than this build needs stops the start (nothing could be
     * served correctly); tenants whose schemas lag are only counted here, and refused one by one by the server.
     */
    static void requireCurrentSchemas(CrmCore core) {
        SchemaState control = core.migrations().controlStatus();
        if (!control.pending().isEmpty()) {
            String message = "CRM_MIGRATE_ON_START=false and the control schema is at version "
                    + (control.currentVersion() == null ? "(none)" : control.currentVersion())
                    + ", older than this build needs (pending: " + String.join(", ", control.pending())
                    + "); run 'crm migrate up' first, or start with CRM_MIGRATE_ON_START=true";
            log.error(message);
            throw new IllegalStateException(message);
        }
        String latest = core.migrations().latestTenantVersion();
        long behind = core.tenants().listMigrated().stream()
                .filter(t -> SchemaVersions.older(t.schemaVersion(), latest))
                .count();
        if (behind > 0) {
            log.warn(
                    "CRM_MIGRATE_ON_START=false and {} tenant schemas are older than version {} this build needs;"
                            + " their requests are refused with 503 until 'crm migrate up' brings them forward",
                    behind,
                    latest);
        }
    }

    private static void migrateAll(CrmCore core) {
        core.migrations().migrateControl();
        int parallelism = Runtime.getRuntime().availableProcessors();
        FanOutReport report =
                core.migrations().up(new MigrationService.Request(List.of(), parallelism, false), FanOutListener.NONE);
        for (TenantMigrationResult r : report.results()) {
            if (r.state() == TenantMigrationResult.State.FAILED) {
                log.error("tenant {} failed to migrate on start: {}", r.tenant(), r.error());
            }
        }
        log.info("migrations on start: {} tenants, {} failed", report.results().size(), report.failed());
    }
}
