package com.makcrm.cli;

import com.makcrm.cli.config.DatabaseSettings;
import com.makcrm.core.CrmCore;
import com.makcrm.core.db.DatabaseBootstrap;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database side of one CLI run: creates the database if missing, brings the control schema up to date and
 * builds crm-core over a small connection pool sized for the requested parallelism.
 */
public final class CoreSession implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final CrmCore core;

    private CoreSession(HikariDataSource dataSource, CrmCore core) {
        this.dataSource = dataSource;
        this.core = core;
    }

    static CoreSession open(DatabaseSettings db, int parallelism, List<String> extraTenantMigrations) {
        DatabaseBootstrap.ensureDatabaseExists(db.url(), db.user(), db.password());
        HikariDataSource ds = new HikariDataSource(poolConfig(db, parallelism));
        try {
            CrmCore core =
                    CrmCore.create(ds, CrmCore.Settings.defaults().withExtraTenantMigrations(extraTenantMigrations));
            core.migrations().migrateControl();
            return new CoreSession(ds, core);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings db, int parallelism) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.url());
        c.setUsername(db.user());
        c.setPassword(db.password());
        // workers + one advisory-lock connection + one for the control schema
        c.setMaximumPoolSize(parallelism + 2);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(15_000);
        c.setPoolName("crm-cli");
        c.addDataSourceProperty("ApplicationName", "crm-cli");
        return c;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public CrmCore core() {
        return core;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
