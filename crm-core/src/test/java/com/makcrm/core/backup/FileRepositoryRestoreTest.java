package com.makcrm.core.backup;

import com.makcrm.core.storage.FileSystemObjectStorage;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Restores from a {@code file://} repository, of tenants whose attachments live on the filesystem. */
class FileRepositoryRestoreTest extends TenantRestoreContract {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path root;

    @Override
    protected TestDatabase database() {
        return db;
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
