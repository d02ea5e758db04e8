package com.makcrm.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The manual tests pass no ExtensionContext: TestRedis's callbacks do not read it.
class TestRedisTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void answersPingAndKeepsValuesUnderTheClassPrefix() {
        RedisCommands<String, String> commands = redis.commands();

        assertThat(commands.ping()).isEqualTo("PONG");
        commands.set(redis.key("greeting"), "hello");
        assertThat(commands.get(redis.key("greeting"))).isEqualTo("hello");
        assertThat(redis.key("greeting")).startsWith(redis.prefix()).matches("crm-test:[a-z]{12}:greeting");
    }

    @Test
    void givesEachInstanceADifferentPrefix() {
        assertThat(new TestRedis().prefix()).isNotEqualTo(new TestRedis().prefix());
    }

    @Test
    void deletesOnlyItsOwnKeysAfterAll() {
        TestRedis own = new TestRedis();
        String outsider = redis.key("outsider");
        own.beforeAll(null);
        for (int i = 0; i < 1200; i++) { // more than one SCAN batch
            own.commands().set(own.key("k" + i), "v");
        }
        redis.commands().set(outsider, "stays");

        own.afterAll(null);

        try (RedisClient client = RedisClient.create(TestServices.redisUrl());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys(own.prefix() + "*")).isEmpty();
            assertThat(connection.sync().get(outsider)).isEqualTo("stays");
        }
    }
}
