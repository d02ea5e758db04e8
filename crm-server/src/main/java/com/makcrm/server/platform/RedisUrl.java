package com.makcrm.server.platform;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Reading {@code crm.redis.url}, and the conditions that pick Redis or in-process implementations. */
final class RedisUrl {

    static final String PROPERTY = "crm.redis.url";
    static final String EXPECTED = "expected redis://[[user]:password@]host[:port][/database], or rediss://... for TLS";

    private RedisUrl() {}

    /**
     * The URL as Lettuce takes it, with the configured command timeout unless the URL sets its own.
     *
     * @throws IllegalStateException naming the setting (never the URL: it may hold a password)
     */
    static RedisURI parse(String url, Duration timeout) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(PROPERTY + " (CRM_REDIS_URL) is not a valid Redis URL: " + EXPECTED);
        }
        boolean hasAddress = StringUtils.hasText(uri.getHost())
                || StringUtils.hasText(uri.getSocket())
                || !uri.getSentinels().isEmpty();
        if (!hasAddress) {
            throw new IllegalStateException(PROPERTY + " (CRM_REDIS_URL) names no host: " + EXPECTED);
        }
        if (RedisURI.DEFAULT_TIMEOUT_DURATION.equals(uri.getTimeout())) {
            uri.setTimeout(timeout);
        }
        return uri;
    }

    /** Where Redis is, for logs: host and port (or socket, or sentinels), never credentials. */
    static String describe(RedisURI uri) {
        if (!uri.getSentinels().isEmpty()) {
            return "sentinels "
                    + uri.getSentinels().stream().map(RedisUrl::describe).collect(Collectors.joining(",")) + " (master "
                    + uri.getSentinelMasterId() + ")";
        }
        if (StringUtils.hasText(uri.getSocket())) {
            return uri.getSocket();
        }
        return uri.getHost() + ":" + uri.getPort() + (uri.isSsl() ? " (TLS)" : "");
    }

    static boolean configured(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
    }

    /** {@code crm.redis.url} is set (an empty value, as {@code ${CRM_REDIS_URL:}} gives, counts as unset). */
    static final class Set implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context);
        }
    }

    static final class Unset implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }
    }
}
