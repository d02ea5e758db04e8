package com.makcrm.core.access;

import com.makcrm.core.CrmCore;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.List;
import java.util.UUID;

/** crm-core with access services over a test database, on a clock the test controls. */
final class AccessFixture {

    static final String PASSWORD = "correct horse battery";
    /**
     * Production defaults, but a cheap Argon2 cost (PasswordHasherTest covers the real one) and a lower per-address
     * threshold, so tests stay fast.
     */
    static final ThrottlePolicy ADDRESS_THROTTLE = new ThrottlePolicy(
            8,
            ThrottlePolicy.ADDRESS_DEFAULT.baseLockout(),
            ThrottlePolicy.ADDRESS_DEFAULT.maxLockout(),
            ThrottlePolicy.ADDRESS_DEFAULT.window());

    static final AccessServices.Settings SETTINGS = new AccessServices.Settings(
            new PasswordHasher.Params(1024, 1, 1),
            ThrottlePolicy.ACCOUNT_DEFAULT,
            ADDRESS_THROTTLE,
            AccessServices.Settings.DEFAULT_REFRESH_TOKEN_LIFETIME);

    final CrmCore core;
    final MutableClock clock = new MutableClock();
    final AccessServices access;

    AccessFixture(TestDatabase db) {
        this(db, List.of());
    }

    AccessFixture(TestDatabase db, List<String> extraTenantMigrations) {
        core = CrmCore.create(
                db.dataSource(), CrmCore.Settings.defaults().withExtraTenantMigrations(extraTenantMigrations));
        core.migrations().migrateControl();
        access = new AccessServices(db.dataSource(), core.tenants(), SETTINGS, clock);
    }

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String tenantName() {
        return "Team " + UUID.randomUUID().toString().substring(0, 8);
    }

    Session signup() {
        return access.accounts().signup(email(), PASSWORD, tenantName());
    }

    static Actor actor(Session s) {
        return Actor.user(s.tenant().id(), s.userId(), s.role());
    }
}
