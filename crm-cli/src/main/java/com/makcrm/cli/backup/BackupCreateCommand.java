package com.makcrm.cli.backup;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.Progress;
import com.makcrm.cli.output.Table;
import com.makcrm.cli.output.TransferMeter;
import com.makcrm.core.backup.BackupListener;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.tenant.Tenant;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Back up tenants: each tenant schema as one snapshot, plus the tenant's objects",
            "when CRM_STORAGE_URL names the application's storage (else tables only).",
            "One failing tenant does not stop the others.",
            "--cluster: the whole database (control schema and every tenant) as one pg_dump",
            "archive that plain pg_restore reads, plus every object (pg_dump from CRM_PG_BIN or PATH).",
            "With an encryption key (--encryption-key-file, else env",
            "CRM_BACKUP_ENCRYPTION_KEY_FILE, else config backup.encryption-key-file),",
            "parts and objects are encrypted (AES-256-GCM); the manifest records the",
            "key id, never the key. Cluster backups are not encrypted (a warning says so)."
        })
final class BackupCreateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--tenant", paramLabel = "SLUG", required = true, description = "This tenant (repeatable).")
        List<String> tenants;

        @Option(names = "--all-tenants", required = true, description = "Every ACTIVE and SUSPENDED tenant.")
        boolean all;

        @Option(
                names = "--cluster",
                required = true,
                description = "The whole database with pg_dump (custom format), plus all objects.")
        boolean cluster;
    }

    @Option(names = "--parallel", paramLabel = "N", description = "Tenants backed up at once, 1-64 (default: 1).")
    private int parallel = 1;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private EncryptionKeyOption key;

    @Mixin
    private OutputOption output;

    private record Outcome(Tenant tenant, BackupManifest manifest, CrmException error) {}

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1 || parallel > 64) {
            throw CrmException.invalid(BackupMessages.PARALLEL_RANGE, Map.of("value", String.valueOf(parallel)));
        }
        CrmCommand root = CrmCommand.from(spec);
        PrintWriter out = spec.commandLine().getOut();
        boolean human = output.format() == OutputFormat.table;
        try (BackupSession session = BackupSession.open(spec, repo, key, parallel)) {
            if (which.cluster) {
                if (session.encrypts()) {
                    spec.commandLine()
                            .getErr()
                            .println("WARNING: cluster backups are plain pg_dump archives (plain pg_restore reads"
                                    + " them): the encryption key is not used; protect the repository itself"
                                    + " (e.g. S3 server-side encryption)");
                }
                return ClusterBackupRun.create(session, output.format(), out, human && root.interactive());
            }
            // every slug is checked before anything is written, so a typo costs nothing
            List<Tenant> tenants = which.all
                    ? session.core().core().tenants().listMigrated()
                    : which.tenants.stream()
                            .distinct()
                            .map(session.core().core().tenants()::get)
                            .toList();
            // on a terminal a live status line; without one (CI) a quiet line per tenant
            Progress progress = human ? new Progress(out, root.interactive()) : null;
            List<Outcome> outcomes = backUp(session, tenants, progress);
            List<BackupManifest> done = outcomes.stream()
                    .filter(o -> o.manifest() != null)
                    .map(Outcome::manifest)
                    .toList();
            if (human) {
                table(done).print(out);
            } else {
                Printer.print(
                        out,
                        output.format(),
                        done.stream().map(BackupView::manifest).toList(),
                        null);
            }
            out.flush();
            return failures(outcomes);
        }
    }

    private List<Outcome> backUp(BackupSession session, List<Tenant> tenants, Progress progress)
            throws InterruptedException {
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, tenants.size())));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Tenant tenant : tenants) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = backUp(session, tenant, progress);
                    if (progress != null) {
                        progress.step(
                                describe(outcome), finished.incrementAndGet(), tenants.size(), outcome.error() != null);
                    }
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(get(f));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome backUp(BackupSession session, Tenant tenant, Progress progress) {
        BackupListener listener = progress == null ? BackupListener.NONE : new StatusLine(tenant.slug(), progress);
        try {
            return new Outcome(tenant, session.backups().create(tenant, session.repository(), listener), null);
        } catch (CrmException e) {
            return new Outcome(tenant, null, e);
        }
    }

    /** One tenant's backup on the status line: table, bytes read of the estimate, rows, rate, time left. */
    private static final class StatusLine implements BackupListener {
        private final String slug;
        private final Progress progress;
        private final long start = System.nanoTime();
        private long estimated;
        private long rows;
        private long lastDraw;

        StatusLine(String slug, Progress progress) {
            this.slug = slug;
            this.progress = progress;
        }

        @Override
        public void started(long estimatedBytes) {
            estimated = estimatedBytes;
        }

        @Override
        public void bytesRead(String table, long bytes) {
            long now = System.nanoTime();
            if (now - lastDraw >= 200_000_000L) { // five redraws a second at most
                lastDraw = now;
                progress.status(slug + ": " + table + ": "
                        + TransferMeter.describe(bytes, Math.max(estimated, bytes), rows, (now - start) / 1e9));
            }
        }

        @Override
        public void tableStored(TablePart part) {
            rows += part.rows();
        }
    }

    private static Outcome get(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private int failures(List<Outcome> outcomes) {
        List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Outcome o : failed) {
            err.println("ERROR: backup of tenant " + o.tenant().slug() + " failed: "
                    + o.error().getMessage());
        }
        err.flush();
        ErrorCategory first = failed.get(0).error().category();
        return ExitCodes.of(first);
    }

    private static String describe(Outcome o) {
        if (o.error() != null) {
            return o.tenant().slug() + ": FAILED: " + o.error().getMessage();
        }
        BackupManifest b = o.manifest();
        return o.tenant().slug() + ": backup " + b.backupId() + ", "
                + b.tables().size() + " tables, " + BackupView.rows(b) + " rows in "
                + BackupView.duration(b).toMillis() + " ms";
    }

    private static Table table(List<BackupManifest> backups) {
        Table table = new Table("TENANT", "BACKUP", "TABLES", "ROWS", "OBJECTS", "BYTES", "DURATION");
        for (BackupManifest b : backups) {
            table.row(
                    b.tenantSlug(),
                    b.backupId(),
                    b.tables().size(),
                    BackupView.rows(b),
                    b.objects().size(),
                    BackupView.bytes(b.totalBytes()),
                    BackupView.duration(b).toMillis() + " ms");
        }
        return table;
    }
}
