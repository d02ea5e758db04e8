package com.makcrm.server.platform;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A Lua script run atomically by Redis: sent by digest (EVALSHA), and in full only when Redis does not know it yet
 * (after a restart or SCRIPT FLUSH).
 */
final class RedisScript {

    private final String source;
    private final ScriptOutputType output;
    private volatile String digest;

    RedisScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
    }

    /** @throws StoreUnavailableException when Redis cannot be reached or fails */
    <T> T run(RedisCommands<String, String> redis, String key, String... args) {
        String[] keys = {key};
        try {
            if (digest == null) {
                digest = redis.digest(source);
            }
            try {
                return redis.evalsha(digest, output, keys, args);
            } catch (RedisNoScriptException e) {
                return redis.eval(source, output, keys, args);
            }
        } catch (RedisException e) {
            throw new StoreUnavailableException("Redis failed: " + e.getMessage(), e);
        }
    }
}
