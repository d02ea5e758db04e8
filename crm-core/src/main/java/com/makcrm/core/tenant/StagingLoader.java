package com.makcrm.core.tenant;

/** Fills a restore's staging schema; see {@link TenantService#restore}. */
@FunctionalInterface
public interface StagingLoader {

    /**
     * Creates {@code stagingSchema}, loads it and brings it to this build's schema version; throws to abandon the
     * restore (the staging schema is then dropped and the tenant left as it was).
     *
     * @param target the tenant the data is restored into (its id decides where its objects go)
     * @return the schema version the staging schema was left at
     */
    String fill(Tenant target, String stagingSchema);
}
