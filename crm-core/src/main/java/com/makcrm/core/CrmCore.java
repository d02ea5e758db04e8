package com.makcrm.core;

import com.makcrm.core.attachment.AttachmentService;
import com.makcrm.core.csv.CsvExportService;
import com.makcrm.core.csv.CsvImportService;
import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.FieldDefinitionCache;
import com.makcrm.core.field.FieldDefinitionService;
import com.makcrm.core.migration.MigrationService;
import com.makcrm.core.pipeline.PipelineService;
import com.makcrm.core.pipeline.Pipelines;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.schema.SchemaMigrator;
import com.makcrm.core.search.SearchService;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.timeline.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * crm-core as plain Java: a {@link DataSource} in, services out. This is what the CLI uses (no Spring context, no
 * Hibernate), and what the Spring Boot auto-configuration wraps for the server.
 */
public final class CrmCore {

    /**
     * @param extraTenantMigrations Flyway locations added to the tenant migration set (extensions, tests)
     * @param deletionGrace how long a deleted tenant keeps its schema and slug before it may be purged
     * @param storage where attachments live; null when this process handles no files (e.g. tenant commands)
     */
    public record Settings(List<String> extraTenantMigrations, Duration deletionGrace, ObjectStorage storage) {
        public static final Duration DEFAULT_DELETION_GRACE = Duration.ofDays(30);

        public Settings {
            extraTenantMigrations = List.copyOf(extraTenantMigrations);
        }

        public static Settings defaults() {
            return new Settings(List.of(), DEFAULT_DELETION_GRACE, null);
        }

        public Settings withExtraTenantMigrations(List<String> locations) {
            return new Settings(locations, deletionGrace, storage);
        }

        public Settings withStorage(ObjectStorage objectStorage) {
            return new Settings(extraTenantMigrations, deletionGrace, objectStorage);
        }

        List<String> tenantLocations() {
            List<String> all = new ArrayList<>();
            all.add(SchemaMigrator.TENANT_LOCATION);
            all.addAll(extraTenantMigrations);
            return all;
        }
    }

    private final SchemaMigrator schemas;
    private final TenantService tenants;
    private final MigrationService migrations;
    private final RecordService records;
    private final FieldDefinitionService fields;
    private final Timeline timeline;
    private final SearchService search;
    private final CsvImportService csvImport;
    private final CsvExportService csvExport;
    private final AttachmentService attachments;
    private final Pipelines pipelines;

    private CrmCore(DataSource dataSource, Settings settings, Clock clock) {
        this.schemas = new SchemaMigrator(dataSource, settings.tenantLocations());
        this.tenants = new TenantService(dataSource, schemas, settings.deletionGrace(), clock);
        this.migrations = new MigrationService(schemas, tenants);
        TenantTransactions tx = new TenantTransactions(dataSource);
        FieldDefinitionCache definitions = new FieldDefinitionCache();
        this.records = new RecordService(tx, definitions);
        this.fields = new FieldDefinitionService(tx, RecordService.builtInFieldNames(), definitions);
        this.timeline = new Timeline(tx);
        this.search = new SearchService(tx);
        this.csvImport = new CsvImportService(tx);
        this.csvExport = new CsvExportService(tx, records);
        this.attachments = settings.storage() == null ? null : new AttachmentService(tx, settings.storage());
        this.pipelines = Pipelines.over(dataSource); // cheap: Hibernate starts on first use only
    }

    public static CrmCore create(DataSource dataSource, Settings settings) {
        return new CrmCore(dataSource, settings, Clock.systemUTC());
    }

    public static CrmCore create(DataSource dataSource) {
        return create(dataSource, Settings.defaults());
    }

    public SchemaMigrator schemas() {
        return schemas;
    }

    public TenantService tenants() {
        return tenants;
    }

    public MigrationService migrations() {
        return migrations;
    }

    public RecordService records() {
        return records;
    }

    /** Custom field definitions. */
    public FieldDefinitionService fields() {
        return fields;
    }

    public Timeline timeline() {
        return timeline;
    }

    public SearchService search() {
        return search;
    }

    public CsvImportService csvImport() {
        return csvImport;
    }

    public CsvExportService csvExport() {
        return csvExport;
    }

    /**
     * Sales pipelines and their stages (JPA). Hibernate starts on the first call, so commands that never touch
     * pipelines never load it; Spring applications should inject the auto-configured {@link PipelineService}.
     */
    public PipelineService pipelines() {
        return pipelines.service();
    }

    /** Attachments; needs {@link Settings#storage()}. */
    public AttachmentService attachments() {
        if (attachments == null) {
            throw CrmException.unavailable("no object storage is configured, so attachments are unavailable", null);
        }
        return attachments;
    }
}
