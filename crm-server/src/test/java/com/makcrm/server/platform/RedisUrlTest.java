package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void readsHostPortDatabaseAndTls() {
        RedisURI plain = RedisUrl.parse("redis://localhost:6379/0", TIMEOUT);
        RedisURI tls = RedisUrl.parse("rediss://:s3cret@cache.internal:6380/2", TIMEOUT);

        assertThat(RedisUrl.describe(plain)).isEqualTo("localhost:6379");
        assertThat(tls.isSsl()).isTrue();
        assertThat(tls.getDatabase()).isEqualTo(2);
        assertThat(RedisUrl.describe(tls))
                .isEqualTo("cache.internal:6380 (TLS)")
                .doesNotContain("s3cret");
    }

    @Test
    void usesTheConfiguredTimeoutUnlessTheUrlSetsOne() {
        assertThat(RedisUrl.parse("redis://localhost", TIMEOUT).getTimeout()).isEqualTo(TIMEOUT);
        assertThat(RedisUrl.parse("redis://localhost?timeout=5s", TIMEOUT).getTimeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badUrlIsAClearErrorThatNeverRepeatsTheUrl() {
        for (String bad : new String[] {"http://user:s3cret@localhost:6379", "localhost:6379", "redis://"}) {
            assertThatThrownBy(() -> RedisUrl.parse(bad, TIMEOUT))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("crm.redis.url (CRM_REDIS_URL)")
                    .hasMessageContaining("redis://")
                    .hasMessageNotContaining("s3cret");
        }
    }
}
