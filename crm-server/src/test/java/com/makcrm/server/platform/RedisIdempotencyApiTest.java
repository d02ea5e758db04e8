package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.testsupport.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With Redis: keys live there, under this class's own prefix. */
class RedisIdempotencyApiTest extends IdempotencyApiTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("crm.redis.url", redis::url);
        registry.add("crm.redis.key-prefix", redis::prefix);
    }

    @Override
    Class<? extends IdempotencyStore> expectedStore() {
        return RedisIdempotencyStore.class;
    }

    @Test
    void keepsKeysInRedisPerTenantAndCredential() {
        String owner = signup(email()).text("accessToken");
        String key = "order-" + newKey();

        post(API_KEYS, owner, key, Map.of("name", "k", "role", "MEMBER"));

        assertThat(redis.commands().keys(redis.key("idempotency:*:user:*:" + key)))
                .hasSize(1);
    }
}
