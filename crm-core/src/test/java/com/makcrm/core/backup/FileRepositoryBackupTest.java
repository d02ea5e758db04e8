package com.makcrm.core.backup;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.storage.FileSystemObjectStorage;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Backups into a {@code file://} repository, of a tenant whose attachments live on the filesystem. */
class FileRepositoryBackupTest extends TenantBackupsContract {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;

    @TempDir
    Path root;

    @BeforeAll
    static void connect() {
        fixture = new TenantFixture(db);
    }

    @Override
    protected TestDatabase database() {
        return db;
    }

    @Override
    protected TenantFixture fixture() {
        return fixture;
    }

    @Override
    protected ObjectStorage newAppStorage() {
        return new FileSystemObjectStorage(root.resolve("objects"));
    }

    @Override
    protected ObjectStorage newRepository() {
        return ObjectStorages.fromUrl(root.resolve("backup-repository").toUri().toString());
    }

    /**
     * The filesystem store keeps a part's metadata in a hidden file beside it. Damage there (here: a field name) leaves
     * the part's bytes intact, so verify, which checks the bytes against the manifest, still passes, and never crashes.
     */
    @org.junit.jupiter.api.Test
    void aDamagedMetadataFileBesideAPartDoesNotBreakVerify() throws java.io.IOException {
        BackupManifest manifest = backups.create(tenant(), repository);
        Path meta;
        try (var files = java.nio.file.Files.walk(root.resolve("backup-repository"))) {
            meta = files.filter(f -> f.getFileName().toString().startsWith(".crm-meta.")
                            && f.getFileName().toString().endsWith("company.copy.zst"))
                    .findFirst()
                    .orElseThrow();
        }
        String json = java.nio.file.Files.readString(meta);
        org.assertj.core.api.Assertions.assertThat(json).contains("\"contentType\"");
        java.nio.file.Files.writeString(meta, json.replace("\"contentType\"", "\"contentTypf\""));

        VerifyReport report = backups.verify(repository, manifest.backupId());

        org.assertj.core.api.Assertions.assertThat(report.problems()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(report.ok()).isTrue();
    }
}
