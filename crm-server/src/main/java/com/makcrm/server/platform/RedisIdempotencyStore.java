package com.makcrm.server.platform;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys shared by every instance: one Redis string per key holding an {@link IdempotencyEntry} as JSON
 * (the body base64-encoded). Each step is one Lua script, so reserving is a single atomic {@code SET NX} and
 * completing or releasing only ever touches this request's own reservation.
 */
final class RedisIdempotencyStore implements IdempotencyStore {

    /** Reserves with SET NX and a lease; answers nothing when reserved, else what holds the key. */
    private static final RedisScript RESERVE = new RedisScript("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
            return redis.call('GET', KEYS[1])
            """, ScriptOutputType.VALUE);

    /** Replaces our own pending entry (ARGV[1]) with the completed one; a lost reservation stays lost. */
    private static final RedisScript COMPLETE = new RedisScript("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, ScriptOutputType.INTEGER);

    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            return redis.call('DEL', KEYS[1])
            """, ScriptOutputType.INTEGER);

    private static final JsonMapper JSON = JsonMapper.builder().build(); // our own: the format must not drift

    private final StatefulRedisConnection<String, String> redis;
    private final String prefix;
    private final Timeouts timeouts;

    RedisIdempotencyStore(StatefulRedisConnection<String, String> redis, String keyPrefix, Timeouts timeouts) {
        this.redis = redis;
        this.prefix = keyPrefix + "idempotency:";
        this.timeouts = timeouts;
    }

    @Override
    public Reservation reserve(String key, String fingerprint) {
        Reservation.Acquired mine = new Reservation.Acquired(key, fingerprint, Owners.next());
        String existing = RESERVE.run(
                redis.sync(),
                prefix + key,
                json(IdempotencyEntry.pending(mine)),
                Long.toString(timeouts.inFlight().toMillis()));
        return existing == null
                ? mine
                : JSON.readValue(existing, IdempotencyEntry.class).found();
    }

    @Override
    public void complete(Reservation.Acquired reservation, StoredResponse response) {
        COMPLETE.run(
                redis.sync(),
                prefix + reservation.key(),
                json(IdempotencyEntry.pending(reservation)),
                json(IdempotencyEntry.completed(reservation, response)),
                Long.toString(timeouts.completed().toMillis()));
    }

    @Override
    public void release(Reservation.Acquired reservation) {
        RELEASE.run(redis.sync(), prefix + reservation.key(), json(IdempotencyEntry.pending(reservation)));
    }

    private static String json(IdempotencyEntry entry) {
        return JSON.writeValueAsString(entry);
    }
}
