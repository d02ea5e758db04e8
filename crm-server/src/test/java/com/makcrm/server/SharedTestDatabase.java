package com.makcrm.server;

import com.makcrm.core.testsupport.TestDatabase;
import java.sql.SQLException;

/**
 * One test database for all API tests of this JVM, so they share one started server (Spring caches the context
 * by configuration, and a per-class database would change it). Still random-named per run, and dropped when the
 * JVM exits. Tests keep apart by creating their own tenants and accounts.
 */
final class SharedTestDatabase {

    private static TestDatabase database;
    private static String bucket;

    private SharedTestDatabase() {}

    static synchronized TestDatabase get() {
        if (database == null) {
            TestDatabase db = new TestDatabase();
            try {
                db.beforeAll(null);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the shared test database", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(db), "drop-shared-test-database"));
            database = db;
        }
        return database;
    }

    /** One bucket for the attachments of all API tests of this JVM. */
    static synchronized String bucket() {
        if (bucket == null) {
            bucket = com.makcrm.core.testsupport.TestServices.s3().createBucket("crm-server-test");
        }
        return bucket;
    }

    private static void drop(TestDatabase db) {
        try {
            db.afterAll(null);
        } catch (SQLException | RuntimeException e) {
            System.err.println("could not drop the shared test database: " + e.getMessage());
        }
    }
}
