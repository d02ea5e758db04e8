package com.makcrm.core.field;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Custom field definitions per tenant schema for record <em>reads</em>, so a GET or a list page does not spend a
 * database round trip on them. Definitions change rarely: this process drops its copy when it changes them, and a
 * change made by another process shows here after at most {@link #DEFAULT_TTL}. Writes always read definitions
 * afresh inside their transaction, so validation never runs on a stale copy.
 */
public final class FieldDefinitionCache {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private record Entry(Map<String, List<FieldDefinition>> definitions, long loadedAt) {}

    private final ConcurrentHashMap<String, Entry> bySchema = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public FieldDefinitionCache() {
        this(DEFAULT_TTL, System::nanoTime);
    }

    FieldDefinitionCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The schema's definitions by object, from this cache when fresh, else read on {@code c} (that schema's). */
    public Map<String, List<FieldDefinition>> forReads(Connection c, String schema) throws SQLException {
        long now = nanoTime.getAsLong();
        Entry e = bySchema.get(schema);
        if (e != null && now - e.loadedAt() < ttlNanos) {
            return e.definitions();
        }
        Map<String, List<FieldDefinition>> fresh = FieldDefinitionService.listAll(c);
        bySchema.put(schema, new Entry(Map.copyOf(fresh), now));
        return fresh;
    }

    /** Forgets a schema's definitions, after this process changed them. */
    public void invalidate(String schema) {
        bySchema.remove(schema);
    }
}
