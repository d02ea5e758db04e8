package com.makcrm.server.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Says at start when this server keeps what should be shared between instances in its own memory. */
@Component
class SingleNodeNotice {

    private static final Logger log = LoggerFactory.getLogger(SingleNodeNotice.class);

    @EventListener
    void onStarted(ApplicationStartedEvent event) {
        if (!StringUtils.hasText(event.getApplicationContext().getEnvironment().getProperty("crm.redis.url"))) {
            log.info("single-node mode: no CRM_REDIS_URL, so idempotency keys, rate limits and caches live in this"
                    + " process; run one instance only");
        }
    }
}
