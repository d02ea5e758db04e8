package com.makcrm.server.platform;

import com.makcrm.server.problem.Problems;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Idempotency keys and rate limits for the API, kept in Redis when {@code crm.redis.url} is set (shared by every
 * instance behind the load balancer) and in this process otherwise (single-node mode).
 *
 * <p>Both filters are servlet filters ordered right after Spring Security's: by then the request is authenticated
 * and authorized, and the {@code CrmPrincipal} is still in the security context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisProperties.class, IdempotencyProperties.class, RateLimitProperties.class})
class PlatformConfiguration {

    private static final String API = "/api/*";

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter limiter,
            RateLimitProperties properties,
            Problems problems,
            ObjectProvider<SecurityFilterProperties> security) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, problems));
        registration.addUrlPatterns(API);
        registration.setOrder(afterSecurity(security) + 1);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store,
            IdempotencyProperties properties,
            Problems problems,
            ObjectProvider<SecurityFilterProperties> security) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, properties, problems));
        registration.addUrlPatterns(API);
        registration.setOrder(afterSecurity(security) + 2);
        return registration;
    }

    private static int afterSecurity(ObjectProvider<SecurityFilterProperties> security) {
        SecurityFilterProperties properties = security.getIfAvailable();
        return properties != null ? properties.getOrder() : SecurityFilterProperties.DEFAULT_FILTER_ORDER;
    }

    /** Redis configured: one client and one shared (multiplexed, thread-safe) connection for the whole server. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrl.Set.class)
    static class Shared {

        private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

        @Bean
        RedisURI redisUri(RedisProperties properties) {
            return RedisUrl.parse(properties.url(), properties.timeout());
        }

        @Bean(destroyMethod = "close")
        SharedRedis sharedRedis(RedisURI uri) {
            SharedRedis redis = SharedRedis.connect(uri);
            log.info("Redis at {} for idempotency keys and rate limits", RedisUrl.describe(uri));
            return redis;
        }

        /** For other features (e.g. pub/sub connections of their own); closed with {@link SharedRedis}. */
        @Bean(destroyMethod = "")
        RedisClient redisClient(SharedRedis redis) {
            return redis.client();
        }

        @Bean(destroyMethod = "")
        StatefulRedisConnection<String, String> redisConnection(SharedRedis redis) {
            return redis.connection();
        }

        @Bean
        RedisHealthIndicator redisHealthIndicator(StatefulRedisConnection<String, String> connection) {
            return new RedisHealthIndicator(connection); // contributor name: "redis"
        }

        @Bean
        IdempotencyStore redisIdempotencyStore(
                StatefulRedisConnection<String, String> connection,
                RedisProperties redis,
                IdempotencyProperties properties) {
            return new RedisIdempotencyStore(connection, redis.keyPrefix(), IdempotencyStore.Timeouts.of(properties));
        }

        @Bean
        RateLimiter redisRateLimiter(
                StatefulRedisConnection<String, String> connection, RedisProperties redis, RateLimitProperties limits) {
            return new RedisRateLimiter(connection, redis.keyPrefix(), limits.requestsPerMinute(), RateLimiter.WINDOW);
        }
    }

    /** No Redis: this process keeps keys and counters itself. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrl.Unset.class)
    static class InProcess {

        @Bean
        IdempotencyStore inMemoryIdempotencyStore(IdempotencyProperties properties) {
            return new InMemoryIdempotencyStore(IdempotencyStore.Timeouts.of(properties));
        }

        @Bean
        RateLimiter inMemoryRateLimiter(RateLimitProperties limits) {
            return new InMemoryRateLimiter(limits.requestsPerMinute(), RateLimiter.WINDOW);
        }
    }
}
