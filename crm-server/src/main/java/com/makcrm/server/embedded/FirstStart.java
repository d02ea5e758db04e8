package com.makcrm.server.embedded;

import com.makcrm.core.CrmCore;
import com.makcrm.core.access.AccessServices;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the embedded default adds once the server is up: demo data when the database never held a tenant, then a
 * banner saying where the server is and how to log in. Does nothing unless the {@link EmbeddedDatabase} actually
 * started; a configuration with its own database URL never starts it.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final ObjectProvider<EmbeddedDatabase> database;
    private final CrmCore core;
    private final AccessServices access;
    private final DataSource dataSource;

    /** The login made by this start, for the banner; null when there was data already. */
    private volatile DemoCredentials created;

    FirstStart(ObjectProvider<EmbeddedDatabase> database, CrmCore core, AccessServices access, DataSource dataSource) {
        this.database = database;
        this.core = core;
        this.access = access;
        this.dataSource = dataSource;
    }

    /** A runner, so the demo data exists before the server reports itself ready to take traffic. */
    @Override
    public void run(ApplicationArguments args) {
        EmbeddedDatabase db = database.getIfAvailable();
        if (db == null || !db.started()) {
            return;
        }
        DemoData demo = new DemoData(core, access, dataSource);
        if (demo.noTenantsEver()) {
            created = demo.create(db.dataDir());
        }
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        EmbeddedDatabase db = database.getIfAvailable();
        if (db != null && db.started()) {
            int port = event.getApplicationContext()
                    .getEnvironment()
                    .getProperty("local.server.port", Integer.class, 8080);
            log.info(StartupBanner.text(port, db, created));
        }
    }
}
