package com.makcrm.core.schema;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.StorageMessages;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway for our two migration sets: {@code db/control} once per database (schema {@value #CONTROL_SCHEMA}) and
 * {@code db/tenant} in every tenant schema, each schema keeping its own history table so tenants migrate, fail and
 * move independently.
 */
public final class SchemaMigrator {

    public static final String CONTROL_SCHEMA = "crm_control";
    public static final String CONTROL_LOCATION = "classpath:db/control";
    public static final String TENANT_LOCATION = "classpath:db/tenant";
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final DataSource dataSource;
    private final List<String> tenantLocations;
    private final MigrationResources tenantResources;

    /**
     * @param tenantLocations Flyway locations of the tenant migration set; {@link #TENANT_LOCATION} plus any extra
     *     locations (extensions, tests)
     */
    public SchemaMigrator(DataSource dataSource, List<String> tenantLocations) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tenantLocations = List.copyOf(tenantLocations);
        this.tenantResources = MigrationResources.scan(this.tenantLocations);
    }

    public List<String> tenantLocations() {
        return tenantLocations;
    }

    /** Brings the control schema up to date; cheap when it already is. */
    public MigrationOutcome migrateControl() {
        return migrate(CONTROL_SCHEMA, control());
    }

    /** Creates the schema when missing and applies every pending tenant migration to it. */
    public MigrationOutcome migrateTenant(String schema) {
        return migrate(schema, tenant(schema));
    }

    /**
     * Migrates a schema that was just created and holds nothing yet: all migrations in one transaction and no
     * validation of a history that cannot have drifted, which saves a third of provisioning time. Falls back to
     * one transaction per migration when a migration cannot run inside a transaction.
     */
    public MigrationOutcome provisionTenant(String schema) {
        try {
            return migrate(schema, tenant(schema).group(true).validateOnMigrate(false));
        } catch (CrmException e) {
            if (e.getMessage() == null
                    || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("transactional")) {
                throw e;
            }
            return migrate(schema, tenant(schema).validateOnMigrate(false));
        }
    }

    /**
     * Creates an empty schema at exactly {@code version} of the tenant migration set (e.g. to load a backup taken at
     * that version), in one transaction like {@link #provisionTenant}. INVALID when this build does not know the
     * version.
     */
    public MigrationOutcome provisionTenantAt(String schema, String version) {
        if (!tenantResources.knows(version)) {
            throw CrmException.invalid(
                    StorageMessages.MIGRATION_VERSION_UNKNOWN,
                    Map.of("version", String.valueOf(version), "latest", String.valueOf(latestTenantVersion())));
        }
        return migrate(
                schema, tenant(schema).group(true).validateOnMigrate(false).target(version));
    }

    /** Current version, pending versions and drift of one tenant schema, without changing it. */
    public SchemaState inspectTenant(String schema) {
        return run(schema, "inspecting", () -> inspect(tenant(schema).load()));
    }

    public SchemaState inspectControl() {
        return run(CONTROL_SCHEMA, "inspecting", () -> inspect(control().load()));
    }

    /** The newest version the tenant migration set of this build knows. */
    public String latestTenantVersion() {
        return tenantResources.latestVersion();
    }

    private MigrationOutcome migrate(String schema, FluentConfiguration config) {
        return run(schema, "migrating", () -> {
            Flyway flyway = config.load();
            MigrateResult result = flyway.migrate();
            List<String> applied = new ArrayList<>();
            result.migrations.forEach(m -> applied.add(m.version));
            String from = emptyToNull(result.initialSchemaVersion);
            String to = emptyToNull(result.targetSchemaVersion);
            if (applied.isEmpty()) {
                // Flyway reports no versions when it had nothing to do
                from = to = versionOf(flyway.info().current());
            }
            return new MigrationOutcome(schema, from, to, applied);
        });
    }

    /** One pass over Flyway's info: cheaper than info plus validate, which would resolve everything twice. */
    private static SchemaState inspect(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        List<String> pending = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            collect(m, pending, drift);
        }
        return new SchemaState(versionOf(info.current()), pending, drift);
    }

    private static String versionOf(MigrationInfo info) {
        return info == null || info.getVersion() == null
                ? null
                : info.getVersion().getVersion();
    }

    private static void collect(MigrationInfo info, List<String> pending, List<Drift> drift) {
        String version = info.getVersion() == null
                ? info.getDescription()
                : info.getVersion().getVersion();
        MigrationState state = info.getState();
        if (state == MigrationState.PENDING) {
            pending.add(version);
        } else if (state == MigrationState.SUCCESS
                && info.getResolvedChecksum() != null
                && !info.isChecksumMatching()) {
            drift.add(new Drift(
                    version,
                    Drift.Kind.CHECKSUM_MISMATCH,
                    "migration " + version
                            + " was changed after it was applied (checksum " + info.getAppliedChecksum() + " applied, "
                            + info.getResolvedChecksum() + " in this build)"));
        } else if (state.isFailed()) {
            drift.add(new Drift(
                    version, Drift.Kind.FAILED, "migration " + version + " failed: " + info.getDescription()));
        } else if (state == MigrationState.FUTURE_SUCCESS) {
            drift.add(new Drift(
                    version, Drift.Kind.UNKNOWN_APPLIED, "applied version " + version + " is unknown to this build"));
        } else if (state == MigrationState.MISSING_SUCCESS) {
            drift.add(new Drift(
                    version, Drift.Kind.MISSING_LOCALLY, "applied version " + version + " is missing from this build"));
        }
    }

    private FluentConfiguration control() {
        return base(CONTROL_SCHEMA).locations(CONTROL_LOCATION);
    }

    private FluentConfiguration tenant(String schema) {
        return base(schema).resourceProvider(tenantResources).locations(tenantLocations.toArray(String[]::new));
    }

    private FluentConfiguration base(String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .ignoreMigrationPatterns("*:future")
                .loggers("slf4j");
    }

    private static <T> T run(String schema, String doing, Step<T> step) {
        try {
            return step.run();
        } catch (FlywayException e) {
            SQLException sql = findSql(e);
            if (sql != null && Sql.isConnectionFailure(sql)) {
                Map<String, String> args = Map.of("doing", doing, "schema", schema);
                throw new CrmException(
                                ErrorCategory.UNAVAILABLE, StorageMessages.MIGRATION_DB_UNAVAILABLE.english(args), e)
                        .withMessage(StorageMessages.MIGRATION_DB_UNAVAILABLE, args);
            }
            Map<String, String> args = Map.of("doing", doing, "schema", schema, "reason", String.valueOf(summary(e)));
            throw new CrmException(ErrorCategory.MIGRATION_FAILED, StorageMessages.MIGRATION_FAILED.english(args), e)
                    .withMessage(StorageMessages.MIGRATION_FAILED, args);
        }
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String summary(FlywayException e) {
        SQLException sql = findSql(e);
        if (sql != null) {
            String message = sql.getMessage();
            int newline = message == null ? -1 : message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run();
    }
}
