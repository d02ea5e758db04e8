package com.makcrm.core.testsupport;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A key prefix of its own for one test class on the shared Redis, so parallel or repeated runs never see
 * each other's keys:
 *
 * <pre>{@code @RegisterExtension static final TestRedis redis = new TestRedis();}</pre>
 *
 * <p>After all tests it deletes every key under {@link #prefix()}, whichever client wrote them. The field
 * must be static, as for {@link TestDatabase}.
 */
public final class TestRedis implements BeforeAllCallback, AfterAllCallback {

    private static final int SCAN_BATCH = 500;

    private final String prefix = "crm-test:" + RandomNames.lowercase(12) + ":";
    private int depth; // > 1 inside @Nested classes, which call the callbacks again
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    /** Resolves Redis early, so a missing server fails the class before its first test. */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            TestServices.redisUrl();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (depth > 0 && --depth == 0) {
            try {
                deleteKeys();
            } finally {
                close();
            }
        }
    }

    public String url() {
        return TestServices.redisUrl();
    }

    /** {@code crm-test:<random>:}; every key a test writes must start with it. */
    public String prefix() {
        return prefix;
    }

    public String key(String name) {
        return prefix + name;
    }

    /** Synchronous commands on a connection the extension owns and closes. */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClient.create(url());
            connection = client.connect();
        }
        return connection.sync();
    }

    private void deleteKeys() {
        RedisCommands<String, String> redis = commands();
        ScanArgs matchingPrefix = ScanArgs.Builder.matches(prefix + "*").limit(SCAN_BATCH);
        KeyScanCursor<String> cursor = redis.scan(matchingPrefix);
        while (true) {
            deleteAll(redis, cursor.getKeys());
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(cursor, matchingPrefix);
        }
    }

    private static void deleteAll(RedisCommands<String, String> redis, List<String> keys) {
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }

    private void close() {
        if (connection != null) {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            connection = null;
            client = null;
        }
    }
}
