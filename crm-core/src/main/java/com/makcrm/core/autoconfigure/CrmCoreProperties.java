package com.makcrm.core.autoconfigure;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded crm-core ({@code crm.core.*}).
 *
 * @param migrateOnStart apply pending control and tenant migrations when the application starts
 * @param extraTenantMigrations Flyway locations added to the tenant migration set
 * @param deletionGrace how long a deleted tenant keeps its schema and slug
 * @param createDatabase create the database named by {@code spring.datasource.url} when it does not exist
 */
@ConfigurationProperties("crm.core")
public record CrmCoreProperties(
        @DefaultValue("true") boolean migrateOnStart,
        @DefaultValue List<String> extraTenantMigrations,
        @DefaultValue("30d") Duration deletionGrace,
        @DefaultValue("true") boolean createDatabase) {}
