package com.makcrm.core.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded crm-core ({@code crm.core.*}).
 *
 * @param migrateOnStart apply pending control and tenant migrations when the application starts
 * @param extraTenantMigrations Flyway locations added to the tenant migration set
 * @param deletionGrace how long a deleted tenant keeps its schema and slug
 * @param createDatabase create the database named by {@code spring.datasource.url} when it does not exist
 * @param storageUrl where attachments live ({@code s3://bucket/prefix}, {@code file:///path} or a plain path); unset
 *     means no object storage and no attachments
 * @param s3 options of an {@code s3://} storage URL (endpoint, region, path-style, access-key, secret-key, ...;
 *     see {@code ObjectStorages.fromUrl}); blank values count as unset
 */
@ConfigurationProperties("crm.core")
public record CrmCoreProperties(
        @DefaultValue("true") boolean migrateOnStart,
        @DefaultValue List<String> extraTenantMigrations,
        @DefaultValue("30d") Duration deletionGrace,
        @DefaultValue("true") boolean createDatabase,
        String storageUrl,
        Map<String, String> s3) {

    public CrmCoreProperties {
        s3 = s3 == null ? Map.of() : Map.copyOf(s3);
    }
}
