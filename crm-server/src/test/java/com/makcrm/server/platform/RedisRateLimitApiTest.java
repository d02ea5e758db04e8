package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.testsupport.TestRedis;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With Redis: counters live there, under this class's own prefix. */
class RedisRateLimitApiTest extends RateLimitApiTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("crm.redis.url", redis::url);
        registry.add("crm.redis.key-prefix", redis::prefix);
    }

    @Test
    void countsInRedisPerTenantAndCredential() {
        String owner = signup(email()).text("accessToken");
        Set<String> before = Set.copyOf(redis.commands().keys(redis.key("rate-limit:*")));

        api.get(LIST, owner);
        api.get(LIST, owner);

        Set<String> added = new HashSet<>(redis.commands().keys(redis.key("rate-limit:*")));
        added.removeAll(before);
        assertThat(added).singleElement().satisfies(key -> {
            assertThat(key).matches(Pattern.quote(redis.key("rate-limit:")) + "[0-9a-f-]{36}:user:[0-9a-f-]{36}");
            assertThat(redis.commands().get(key)).isEqualTo("2");
        });
    }
}
