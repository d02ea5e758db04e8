package com.makcrm.server.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is ({@code crm.redis.*}; the URL also as {@code CRM_REDIS_URL}, see application.yaml).
 *
 * @param url {@code redis://[[user]:password@]host[:port][/database]}, {@code rediss://...} for TLS. Empty: no Redis;
 *     idempotency keys and rate limits are kept in this process (single-node mode)
 * @param timeout how long one command may take (unless the URL sets {@code ?timeout=}); a slow Redis must not hold
 *     requests for long
 * @param keyPrefix the start of every key this server writes, so several deployments can share one Redis
 */
@ConfigurationProperties("crm.redis")
public record RedisProperties(
        @DefaultValue("") String url,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("crm:") String keyPrefix) {}
