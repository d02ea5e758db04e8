package com.makcrm.server.platform;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * The server's one Redis client and its one connection, shared by every request (Lettuce connections are
 * thread-safe and pipeline concurrent commands), closed together on shutdown.
 */
record SharedRedis(RedisClient client, StatefulRedisConnection<String, String> connection) implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /** @throws IllegalStateException naming where Redis was expected when it cannot be reached */
    static SharedRedis connect(RedisURI uri) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                // while disconnected, fail at once instead of queueing commands until they time out
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        try {
            return new SharedRedis(client, client.connect(uri));
        } catch (RedisConnectionException e) {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
            throw new IllegalStateException(
                    "cannot connect to Redis at " + RedisUrl.describe(uri) + " (" + RedisUrl.PROPERTY + "): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT); // requests are done by now: no quiet period needed
        }
    }
}
