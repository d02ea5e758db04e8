package com.makcrm.core.storage;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One tenant's part of a shared store: every key is taken relative to {@code tenants/<tenant-id>/}, and keys come
 * back relative too. Because a relative key may not contain a {@code ..} segment or start with {@code /}, no key
 * given here can name an object of another tenant.
 *
 * <p>Closing a tenant's view does not close the shared store underneath.
 */
public final class TenantStorage implements ObjectStorage {

    private final ObjectStorage shared;
    private final UUID tenantId;
    private final String prefix;

    private TenantStorage(ObjectStorage shared, UUID tenantId) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.prefix = prefixOf(tenantId);
    }

    public static TenantStorage of(ObjectStorage shared, UUID tenantId) {
        return new TenantStorage(shared, tenantId);
    }

    /** {@code tenants/<tenant-id>/}: where a tenant's objects live in the shared store, e.g. for a tenant backup. */
    public static String prefixOf(UUID tenantId) {
        return "tenants/" + tenantId + "/";
    }

    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        return shared.put(absolute(key), content, length, contentType).withKey(key);
    }

    @Override
    public StoredObjectStream get(String key) {
        return shared.get(absolute(key)).withKey(key);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        return shared.stat(absolute(key)).map(object -> object.withKey(key));
    }

    @Override
    public void delete(String key) {
        shared.delete(absolute(key));
    }

    @Override
    public Stream<ObjectSummary> list(String relativePrefix) {
        ObjectKeys.requireValidPrefix(relativePrefix);
        return shared.list(prefix + relativePrefix)
                .map(summary -> summary.withKey(summary.key().substring(prefix.length())));
    }

    @Override
    public StoredObject copy(String sourceKey, String targetKey) {
        return shared.copy(absolute(sourceKey), absolute(targetKey)).withKey(targetKey);
    }

    @Override
    public String toString() {
        return "tenant " + tenantId + " in " + shared;
    }

    // validated on its own, before prefixing: the rule's ban on '..' segments is what keeps it inside the prefix
    private String absolute(String key) {
        return prefix + ObjectKeys.requireValid(key);
    }
}
