package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.backup.VerifyReport.Problem;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every part of a backup back from the repository and checks it against the manifest: the stored bytes, then
 * what they decode to (decrypted when the backup is encrypted, decompressed for table parts).
 */
final class BackupVerifier {

    private final ObjectStorage repository;
    private final PartCodec codec;
    private final List<Problem> problems = new ArrayList<>();
    private int partsChecked;
    private long bytesChecked;

    /** @param codec how the backup was written ({@link TenantBackups#codecFor}) */
    BackupVerifier(ObjectStorage repository, PartCodec codec) {
        this.repository = repository;
        this.codec = codec;
    }

    VerifyReport verify(BackupManifest manifest) {
        for (TablePart table : manifest.tables()) {
            checkTable(RepositoryLayout.tablePart(manifest.backupId(), table.name()), table);
        }
        if (manifest.dump() != null) { // a cluster backup: size and SHA-256 of the pg_dump archive
            ClusterDump dump = manifest.dump();
            checkObject(
                    RepositoryLayout.clusterDump(manifest.backupId()),
                    new ObjectEntry(ClusterDump.PART, dump.sha256(), dump.bytes()));
        }
        Set<String> seen = new HashSet<>();
        for (ObjectEntry object : manifest.objects()) {
            if (seen.add(object.sha256())) {
                checkObject(codec.objectKey(object.sha256()), object);
            }
        }
        return new VerifyReport(manifest.backupId(), partsChecked, bytesChecked, problems);
    }

    private void checkTable(String key, TablePart table) {
        Check check = new Check(table.name(), key);
        try (StoredObjectStream stored = repository.get(key)) {
            DigestingInputStream part = new DigestingInputStream(stored);
            DigestingInputStream data = decoded(part, key, check);
            part.drain(); // bytes after the end of the frame count as damage too
            bytesChecked += part.count();
            check.expect("size", table.compressedBytes(), part.count());
            check.expect("SHA-256", table.sha256(), part.sha256Hex());
            if (data != null) {
                check.expect("uncompressed size", table.bytes(), data.count());
                check.expect("uncompressed SHA-256", table.dataSha256(), data.sha256Hex());
            }
        } catch (IOException | RuntimeException e) { // anything unreadable about the part is a problem with it
            check.fail(messageOf(e));
        }
        partsChecked++;
    }

    /** The part's content decoded to its end, or null (and a problem) when it does not decode. */
    private DigestingInputStream decoded(InputStream part, String key, Check check) {
        InputStream unclosable = new FilterInputStream(part) {
            @Override
            public void close() {
                // the caller still reads the rest of the part
            }
        };
        try (DigestingInputStream data = new DigestingInputStream(codec.decode(unclosable, key))) {
            data.drain();
            return data;
        } catch (IOException e) {
            check.fail((codec.key() == null ? "does not decompress (" : "does not decrypt and decompress (")
                    + messageOf(e) + ")");
            return null;
        }
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void checkObject(String key, ObjectEntry object) {
        Check check = new Check(object.key(), key);
        try (StoredObjectStream stored = repository.get(key)) {
            DigestingInputStream storedBytes = new DigestingInputStream(stored);
            DigestingInputStream content = new DigestingInputStream(codec.decodeObject(storedBytes, key));
            content.drain();
            bytesChecked += storedBytes.count();
            check.expect("size", object.size(), content.count());
            check.expect("SHA-256", object.sha256(), content.sha256Hex());
        } catch (IOException | RuntimeException e) { // anything unreadable about the part is a problem with it
            check.fail(messageOf(e));
        }
        partsChecked++;
    }

    /** Records at most one problem per part: the first thing found wrong. */
    private final class Check {
        private final String part;
        private final String key;
        private boolean failed;

        Check(String part, String key) {
            this.part = part;
            this.key = key;
        }

        void expect(String what, Object expected, Object actual) {
            if (!expected.equals(actual)) {
                fail(what + " is " + actual + ", the manifest says " + expected);
            }
        }

        void fail(String reason) {
            if (!failed) {
                failed = true;
                problems.add(new Problem(part, key, reason));
            }
        }
    }
}
