package com.makcrm.cli.backup;

import com.makcrm.cli.output.Bytes;
import com.makcrm.cli.output.Table;
import com.makcrm.core.backup.BackupManifest;
import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.backup.ClusterDump;
import com.makcrm.core.backup.TenantRestores;
import com.makcrm.core.backup.VerificationRecord;
import com.makcrm.core.backup.VerifyReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The machine forms of backups in {@code -o json|yaml}. Documented in README.md; fields are only ever added. */
final class BackupView {

    private BackupView() {}

    /** The whole manifest, with the fields of {@code manifest.json}. */
    static Map<String, Object> manifest(BackupManifest b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", b.formatVersion());
        m.put("backupId", b.backupId().toString());
        m.put("kind", b.kind().name());
        m.put("tenantId", b.tenantId() == null ? null : b.tenantId().toString());
        m.put("tenantSlug", b.tenantSlug());
        m.put("schemaVersion", b.schemaVersion());
        m.put("started", b.started().toString());
        m.put("finished", b.finished().toString());
        m.put("toolVersion", b.toolVersion());
        m.put("tables", b.tables().stream().map(BackupView::table).toList());
        m.put("objects", b.objects().stream().map(BackupView::object).toList());
        if (b.dump() != null) {
            m.put("dump", dump(b.dump()));
        }
        m.put("encryption", encryptionOf(b));
        return m;
    }

    /** One line about the backup's encryption: its algorithm and key id, or "none". */
    static String encryption(BackupManifest b) {
        BackupManifest.Encryption e = b.encryption();
        return e == null ? "none" : e.algorithm() + ", key id " + e.keyId();
    }

    private static Map<String, Object> encryptionOf(BackupManifest b) {
        BackupManifest.Encryption e = b.encryption();
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", e.algorithm());
        m.put("keyId", e.keyId());
        return m;
    }

    /** One line of {@code backup list}; {@code verified} is the backup's latest verification record, or null. */
    static Map<String, Object> summary(BackupManifest b, VerificationRecord verified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupId", b.backupId().toString());
        m.put("kind", b.kind().name());
        m.put("tenantId", b.tenantId() == null ? null : b.tenantId().toString());
        m.put("tenantSlug", b.tenantSlug());
        m.put("schemaVersion", b.schemaVersion());
        m.put("started", b.started().toString());
        m.put("finished", b.finished().toString());
        m.put("tables", b.tables().size());
        m.put("objects", b.objects().size());
        m.put("sizeBytes", storedOwnBytes(b));
        m.put("keyId", b.encryption() == null ? null : b.encryption().keyId());
        m.put("lastVerified", verification(verified));
        return m;
    }

    /** A verification record as {@code at}, {@code kind}, {@code ok}, {@code problems}; null for none. */
    static Map<String, Object> verification(VerificationRecord r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("kind", r.kind().id());
        m.put("ok", r.ok());
        m.put("problems", r.problems());
        return m;
    }

    /** For people: "2026-11-27T03:10:00Z ok (verify)", "... FAILED (drill)" or "never". */
    static String lastVerified(VerificationRecord r) {
        return r == null
                ? "never"
                : r.at() + " " + (r.ok() ? "ok" : "FAILED") + " (" + r.kind().id() + ")";
    }

    static Map<String, Object> drill(TenantRestores.DrillResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("schemaVersion", r.schemaVersion());
        m.put("tables", r.tables());
        m.put("rows", r.rows());
        m.put("bytes", r.bytes());
        m.put("problems", r.problems());
        m.put("durationMillis", r.duration().toMillis());
        return m;
    }

    static Map<String, Object> report(VerifyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupId", r.backupId().toString());
        m.put("ok", r.ok());
        m.put("partsChecked", r.partsChecked());
        m.put("bytesChecked", r.bytesChecked());
        m.put(
                "problems",
                r.problems().stream()
                        .map(p -> {
                            Map<String, Object> pm = new LinkedHashMap<>();
                            pm.put("part", p.part());
                            pm.put("key", p.key());
                            pm.put("reason", p.reason());
                            return pm;
                        })
                        .toList());
        return m;
    }

    static Table listTable(List<BackupManifest> backups, Map<UUID, VerificationRecord> verified) {
        Table table = new Table("ID", "KIND", "TENANT", "FINISHED", "SIZE", "SCHEMA VERSION", "LAST VERIFIED");
        for (BackupManifest b : backups) {
            table.row(
                    b.backupId(),
                    b.kind(),
                    b.tenantSlug(),
                    b.finished(),
                    bytes(storedOwnBytes(b)),
                    b.schemaVersion(),
                    lastVerified(verified.get(b.backupId())));
        }
        return table;
    }

    static Table partsTable(BackupManifest b) {
        Table table = new Table("TABLE", "ROWS", "BYTES", "STORED", "SHA256");
        for (TablePart part : b.tables()) {
            table.row(part.name(), part.rows(), part.bytes(), part.compressedBytes(), part.sha256());
        }
        return table;
    }

    static long rows(BackupManifest b) {
        return b.totalRows();
    }

    static Duration duration(BackupManifest b) {
        return Duration.between(b.started(), b.finished());
    }

    /** What the backup's own parts take in the repository; objects are shared between backups, so not counted. */
    static long storedOwnBytes(BackupManifest b) {
        return b.tables().stream().mapToLong(TablePart::compressedBytes).sum()
                + (b.dump() == null ? 0 : b.dump().bytes());
    }

    static String bytes(long n) {
        return Bytes.format(n);
    }

    private static Map<String, Object> table(TablePart p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("rows", p.rows());
        m.put("bytes", p.bytes());
        m.put("compressedBytes", p.compressedBytes());
        m.put("sha256", p.sha256());
        m.put("dataSha256", p.dataSha256());
        return m;
    }

    private static Map<String, Object> dump(ClusterDump d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("bytes", d.bytes());
        m.put("sha256", d.sha256());
        m.put("serverVersion", d.serverVersion());
        m.put("pgDumpVersion", d.pgDumpVersion());
        m.put("database", d.database());
        return m;
    }

    private static Map<String, Object> object(ObjectEntry o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", o.key());
        m.put("sha256", o.sha256());
        m.put("size", o.size());
        return m;
    }
}
