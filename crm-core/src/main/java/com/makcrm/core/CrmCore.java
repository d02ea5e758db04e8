package com.makcrm.core;

import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.schema.SchemaMigrator;
import com.makcrm.core.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * crm-core as plain Java: a {@link DataSource} in, services out. This is what the CLI uses (no Spring context, no
 * Hibernate), and what the Spring Boot auto-configuration wraps for the server.
 */
public final class CrmCore {

    /**
     * @param extraTenantMigrations Flyway locations added to the tenant migration set (extensions, tests)
     * @param deletionGrace how long a deleted tenant keeps its schema and slug before it may be purged
     */
    public record Settings(List<String> extraTenantMigrations, Duration deletionGrace) {
        public static final Duration DEFAULT_DELETION_GRACE = Duration.ofDays(30);

        public Settings {
            extraTenantMigrations = List.copyOf(extraTenantMigrations);
        }

        public static Settings defaults() {
            return new Settings(List.of(), DEFAULT_DELETION_GRACE);
        }

        public Settings withExtraTenantMigrations(List<String> locations) {
            return new Settings(locations, deletionGrace);
        }

        List<String> tenantLocations() {
            List<String> all = new ArrayList<>();
            all.add(SchemaMigrator.TENANT_LOCATION);
            all.addAll(extraTenantMigrations);
            return all;
        }
    }

    private final SchemaMigrator schemas;
    private final TenantService tenants;
    private final MigrationService migrations;

    private CrmCore(DataSource dataSource, Settings settings, Clock clock) {
        this.schemas = new SchemaMigrator(dataSource, settings.tenantLocations());
        this.tenants = new TenantService(dataSource, schemas, settings.deletionGrace(), clock);
        this.migrations = new MigrationService(schemas, tenants);
    }

    public static CrmCore create(DataSource dataSource, Settings settings) {
        return new CrmCore(dataSource, settings, Clock.systemUTC());
    }

    public static CrmCore create(DataSource dataSource) {
        return create(dataSource, Settings.defaults());
    }

    public SchemaMigrator schemas() {
        return schemas;
    }

    public TenantService tenants() {
        return tenants;
    }

    public MigrationService migrations() {
        return migrations;
    }
}
