package com.makcrm.core.migration;

/** Progress of a fan-out, called from worker threads. */
public interface FanOutListener {

    FanOutListener NONE = new FanOutListener() {};

    default void started(int totalTenants) {}

    default void finished(TenantMigrationResult result, int done, int total) {}
}
