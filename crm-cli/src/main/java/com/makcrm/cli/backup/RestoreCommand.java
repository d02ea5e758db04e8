package com.makcrm.cli.backup;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.TransferMeter;
import com.makcrm.core.backup.RestoreListener;
import com.makcrm.core.backup.TenantRestores;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crm restore}: a tenant backup back into its tenant, or into a new one. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restore a tenant backup. The data is loaded into a staging schema and checked against the",
            "manifest, migrated forward when the backup is older than this crm, the tenant's objects are",
            "copied back, and only then is the staging schema swapped in, in one short transaction:",
            "other tenants are not touched. A damaged part stops the restore with nothing changed (exit 7).",
            "",
            "Without --as, the backup's own tenant is restored: replacing an existing tenant's data needs",
            "--force; a purged tenant comes back under its id and slug. With --as, a new tenant (a clone)",
            "is created with the backup's data. Running it again after a crash completes it.",
            "",
            "A cluster backup (crm backup create --cluster) is restored with --target-db-url into an",
            "empty database, with pg_restore (CRM_PG_BIN or PATH), then its objects."
        })
public final class RestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP_ID", description = "The backup, as `crm backup list` shows it.")
    private UUID backupId;

    @Option(
            names = "--tenant",
            paramLabel = "SLUG",
            description = "Fail unless the backup is of this tenant (a guard against restoring the wrong backup).")
    private String tenant;

    @Option(names = "--as", paramLabel = "NEW_SLUG", description = "Restore as a new tenant with this slug.")
    private String asSlug;

    @Option(names = "--force", description = "Replace the data of the existing tenant with the backup's.")
    private boolean force;

    @Mixin
    private JobsOption jobs;

    @Option(
            names = "--target-db-url",
            paramLabel = "JDBC_URL",
            description = "Cluster backups: the empty database to restore into (created when missing).")
    private String targetDbUrl;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private EncryptionKeyOption key;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        CrmCommand root = CrmCommand.from(spec);
        PrintWriter out = spec.commandLine().getOut();
        boolean human = output.format() == OutputFormat.table;
        if (targetDbUrl != null) { // a cluster backup: must not create or migrate the configured database
            try (BackupSession session = BackupSession.openWithoutDatabase(spec, repo)) {
                return ClusterRestoreRun.restore(
                        session, session.clusterBackups().manifest(session.repository(), backupId), targetDbUrl, out);
            }
        }
        // the tenant's lock, the load and the migration each hold a connection
        try (BackupSession session = BackupSession.open(spec, repo, key, jobs.jobs() + 2)) {
            TransferMeter meter = human ? new TransferMeter(out, root.interactive()) : null;
            TenantRestores.Result r = session.restores()
                    .restore(
                            session.repository(),
                            backupId,
                            new TenantRestores.Options(tenant, asSlug, force, root.actor(), jobs.jobs()),
                            listener(meter));
            if (meter != null) {
                meter.done();
                out.println("restored tenant " + r.tenant().slug() + " from backup " + r.backupId() + ": "
                        + r.rows() + " rows (" + BackupView.bytes(r.bytes()) + "), " + r.objects() + " objects ("
                        + r.objectsCopied() + " copied"
                        + (r.objectsRemoved() == 0 ? "" : ", " + r.objectsRemoved() + " added since removed")
                        + "), schema version " + r.fromVersion()
                        + (r.fromVersion().equals(r.toVersion()) ? "" : " migrated to " + r.toVersion()) + ", in "
                        + r.duration().toMillis() + " ms");
            } else {
                Printer.print(out, output.format(), view(r), null);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Progress lines for people; nothing for -o json|yaml, whose output is the result only. */
    static RestoreListener listener(TransferMeter meter) {
        if (meter == null) {
            return RestoreListener.NONE;
        }
        return new RestoreListener() {
            @Override
            public void phase(String description) {
                meter.line(description);
            }

            @Override
            public void bytesLoaded(String table, long bytes, long totalBytes) {
                meter.progress("loading " + table, bytes, totalBytes);
            }

            @Override
            public void tableLoaded(String table, long rows) {
                meter.addRows(rows);
            }
        };
    }

    private static Map<String, Object> view(TenantRestores.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupId", r.backupId().toString());
        m.put("tenantId", r.tenant().id().toString());
        m.put("tenantSlug", r.tenant().slug());
        m.put("status", r.tenant().status().name());
        m.put("fromSchemaVersion", r.fromVersion());
        m.put("toSchemaVersion", r.toVersion());
        m.put("rows", r.rows());
        m.put("bytes", r.bytes());
        m.put("objects", r.objects());
        m.put("objectsCopied", r.objectsCopied());
        m.put("objectsRemoved", r.objectsRemoved());
        m.put("durationMillis", r.duration().toMillis());
        return m;
    }
}
