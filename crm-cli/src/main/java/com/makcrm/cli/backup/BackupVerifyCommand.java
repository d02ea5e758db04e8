package com.makcrm.cli.backup;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputFormat;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.TransferMeter;
import com.makcrm.core.backup.TenantRestores;
import com.makcrm.core.backup.VerificationRecords;
import com.makcrm.core.backup.VerifyReport;
import com.makcrm.core.error.CrmException;
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

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Read back every table part and object of a backup and check them.",
            "Checks sizes, SHA-256, decryption and decompression. Exit 0 when sound;",
            "exit 7 with one line per damaged or missing part. An encrypted backup",
            "needs its key (--encryption-key-file): without it, or with another key,",
            "exit 8 before anything is read.",
            "With --drill, a sound backup is then restored into a scratch schema (no tenant is touched),",
            "every table is compared with the manifest (rows and content SHA-256) and the schema dropped.",
            "Each outcome is recorded beside the backup (backups/<id>/verifications/): see backup list."
        })
final class BackupVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP_ID")
    private UUID backupId;

    @Option(names = "--drill", description = "Also restore into a scratch schema and compare every table.")
    private boolean drill;

    @Mixin
    private JobsOption jobs;

    @Mixin
    private RepositoryOption repo;

    @Mixin
    private EncryptionKeyOption key;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (BackupSession session = BackupSession.open(spec, repo, key, jobs.jobs() + 1)) {
            VerifyReport report = session.backups().verify(session.repository(), backupId);
            record(() -> new VerificationRecords(session.repository()).record(report));
            PrintWriter out = spec.commandLine().getOut();
            if (output.format() != OutputFormat.table) {
                if (!(drill && report.ok())) { // else one document with the drill's result below
                    Printer.print(out, output.format(), BackupView.report(report), null);
                }
            } else if (report.ok()) {
                out.println("backup " + backupId + " is sound: " + report.partsChecked() + " part(s), "
                        + BackupView.bytes(report.bytesChecked()) + " checked");
            } else {
                report.problems().forEach(p -> out.println("problem: " + p));
            }
            out.flush();
            if (report.ok()) {
                return drill ? drill(session, report, out) : ExitCodes.OK;
            }
            // stdout may be a JSON file or discarded in CI: the failure must also show on stderr
            PrintWriter err = spec.commandLine().getErr();
            err.println("ERROR: backup " + backupId + " failed verification: "
                    + report.problems().size() + " of " + report.partsChecked() + " part(s) missing or damaged");
            err.flush();
            return ExitCodes.BACKUP_VERIFY_FAILED;
        }
    }

    private int drill(BackupSession session, VerifyReport report, PrintWriter out) {
        boolean human = output.format() == OutputFormat.table;
        TransferMeter meter =
                human ? new TransferMeter(out, CrmCommand.from(spec).interactive()) : null;
        TenantRestores.DrillResult result =
                session.restores().drill(session.repository(), backupId, jobs.jobs(), RestoreCommand.listener(meter));
        record(() -> recordDrill(session, result));
        if (meter != null) {
            meter.done();
            if (result.ok()) {
                out.println("drill of backup " + backupId + " passed: " + result.tables() + " table(s), "
                        + result.rows() + " row(s) restored into a scratch schema match the manifest, in "
                        + result.duration().toMillis() + " ms");
            } else {
                result.problems().forEach(p -> out.println("problem: " + p));
            }
        } else {
            Map<String, Object> both = BackupView.report(report);
            both.put("ok", result.ok());
            both.put("drill", BackupView.drill(result));
            Printer.print(out, output.format(), both, null);
        }
        out.flush();
        if (result.ok()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("ERROR: drill of backup " + backupId + " failed: "
                + result.problems().size() + " table(s) differ from the manifest after a restore");
        err.flush();
        return ExitCodes.BACKUP_VERIFY_FAILED;
    }

    private void recordDrill(BackupSession session, TenantRestores.DrillResult result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("schemaVersion", result.schemaVersion());
        details.put("tables", result.tables());
        details.put("rows", result.rows());
        details.put("durationMillis", result.duration().toMillis());
        new VerificationRecords(session.repository())
                .recordDrill(
                        backupId,
                        result.ok(),
                        result.tables(),
                        result.bytes(),
                        result.problems().size(),
                        details);
    }

    /** A repository that cannot take the record (e.g. read-only) does not change the verdict: a warning only. */
    private void record(Runnable write) {
        try {
            write.run();
        } catch (CrmException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("WARNING: could not record the verification of backup " + backupId + ": " + e.getMessage());
            err.flush();
        }
    }
}
