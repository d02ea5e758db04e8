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

/** Pruning and verification records in a {@code file://} repository. */
class FileRepositoryPruneTest extends BackupPruneContract {

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
}
