package com.makcrm.server.i18n;

import com.makcrm.core.i18n.Messages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The translation catalogs, read once from the class path and shared by everything that answers a client. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Messages messages() {
        return Messages.fromClasspath();
    }
}
