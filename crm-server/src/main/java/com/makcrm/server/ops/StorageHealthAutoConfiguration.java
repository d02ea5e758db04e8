package com.makcrm.server.ops;

import com.makcrm.core.autoconfigure.CrmCoreAutoConfiguration;
import com.makcrm.core.storage.ObjectStorage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code storage} health indicator, only where object storage is configured ({@code crm.core.storage-url}).
 * An auto-configuration, not a component: its condition must be evaluated after crm-core's auto-configuration has
 * defined (or not) the storage bean.
 */
@AutoConfiguration(after = CrmCoreAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ObjectStorage.class)
@ConditionalOnEnabledHealthIndicator("storage")
@EnableConfigurationProperties(HealthProperties.class)
class StorageHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "storageHealthIndicator")
    StorageHealthIndicator storageHealthIndicator(ObjectStorage storage, HealthProperties properties) {
        return new StorageHealthIndicator(storage, properties.storageTimeout());
    }
}
