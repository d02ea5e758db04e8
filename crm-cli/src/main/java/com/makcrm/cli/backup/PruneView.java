package com.makcrm.cli.backup;

import com.makcrm.cli.output.Table;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.PrunePlan;
import com.makcrm.core.backup.PrunePlan.Decision;
import com.makcrm.core.backup.PrunePlan.Leftover;
import com.makcrm.core.backup.PrunePlan.ObjectSweep;
import com.makcrm.core.backup.PruneResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code backup prune} for people (a plan table and summary lines) and for machines ({@code -o json|yaml}). */
final class PruneView {

    private PruneView() {}

    static Table planTable(PrunePlan plan) {
        Table table = new Table("GROUP", "BACKUP", "STARTED", "ACTION", "SIZE", "REASONS");
        for (Decision d : plan.backups()) {
            table.row(
                    d.group(),
                    d.backupId(),
                    d.manifest() == null ? "?" : d.manifest().started(),
                    action(d.keep()),
                    BackupView.bytes(d.bytes()),
                    String.join(", ", d.reasons()));
        }
        return table;
    }

    static List<String> planFooter(PrunePlan plan) {
        List<String> lines = new ArrayList<>();
        for (Leftover l : plan.leftovers()) {
            lines.add("unfinished " + l.prefix() + ": " + l.files() + " file(s), " + BackupView.bytes(l.bytes())
                    + ": "
                    + (l.delete()
                            ? "DELETE (older than " + grace(plan) + ")"
                            : "KEEP (younger than " + grace(plan) + ": may still be running)"));
        }
        ObjectSweep objects = plan.objects();
        String sweep = "objects: " + objects.referenced() + " referenced, " + objects.young()
                + " unreferenced but younger than " + grace(plan) + ", "
                + objects.delete().size()
                + " to DELETE (" + BackupView.bytes(objects.bytes()) + ")";
        lines.add(objects.skipped() == null ? sweep : sweep + "; none removed: " + objects.skipped());
        return lines;
    }

    static String dryRunSummary(PrunePlan plan) {
        return "dry run: would delete " + plan.deletions().size() + " backup(s), " + leftoversToDelete(plan)
                + " unfinished backup(s) and " + plan.objects().delete().size() + " object(s), freeing "
                + BackupView.bytes(plan.bytesToFree()) + "; nothing was deleted";
    }

    static String resultSummary(PruneResult r) {
        String summary = "deleted " + r.backupsDeleted() + " backup(s), " + r.leftoversDeleted()
                + " unfinished backup(s) and " + r.objectsDeleted() + " object(s): " + r.filesDeleted()
                + " file(s), " + BackupView.bytes(r.bytesFreed()) + " freed";
        return r.objectsSkipped() == null ? summary : summary + "; objects kept: " + r.objectsSkipped();
    }

    /** Documented in README.md; fields are only ever added. */
    static Map<String, Object> machine(PrunePlan plan, PruneResult result, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", dryRun);
        m.put("at", plan.at().toString());
        m.put("objectGraceSeconds", plan.objectGrace().toSeconds());
        m.put("backups", plan.backups().stream().map(PruneView::decision).toList());
        m.put("leftovers", plan.leftovers().stream().map(PruneView::leftover).toList());
        ObjectSweep objects = plan.objects();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("referenced", objects.referenced());
        o.put("young", objects.young());
        o.put("delete", objects.delete().size());
        o.put("deleteBytes", objects.bytes());
        o.put("skipped", objects.skipped());
        m.put("objects", o);
        m.put("bytesToFree", plan.bytesToFree());
        m.put("result", result == null ? null : result(result));
        return m;
    }

    private static Map<String, Object> decision(Decision d) {
        BackupManifest b = d.manifest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupId", d.backupId().toString());
        m.put("kind", b == null ? null : b.kind().name());
        m.put(
                "tenantId",
                b == null || b.tenantId() == null ? null : b.tenantId().toString());
        m.put("tenantSlug", b == null ? null : b.tenantSlug());
        m.put("group", d.group());
        m.put("started", b == null ? null : b.started().toString());
        m.put("action", action(d.keep()));
        m.put("reasons", d.reasons());
        m.put("sizeBytes", d.bytes());
        return m;
    }

    private static Map<String, Object> leftover(Leftover l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prefix", l.prefix());
        m.put("files", l.files());
        m.put("sizeBytes", l.bytes());
        m.put("newest", l.newest() == null ? null : l.newest().toString());
        m.put("action", action(!l.delete()));
        return m;
    }

    private static Map<String, Object> result(PruneResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupsDeleted", r.backupsDeleted());
        m.put("leftoversDeleted", r.leftoversDeleted());
        m.put("objectsDeleted", r.objectsDeleted());
        m.put("filesDeleted", r.filesDeleted());
        m.put("bytesFreed", r.bytesFreed());
        m.put("objectsSkipped", r.objectsSkipped());
        return m;
    }

    private static String action(boolean keep) {
        return keep ? "KEEP" : "DELETE";
    }

    private static long leftoversToDelete(PrunePlan plan) {
        return plan.leftovers().stream().filter(Leftover::delete).count();
    }

    private static String grace(PrunePlan plan) {
        long minutes = plan.objectGrace().toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
