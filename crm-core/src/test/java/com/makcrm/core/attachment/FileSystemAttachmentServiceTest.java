package com.makcrm.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.storage.FileSystemObjectStorage;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileSystemAttachmentServiceTest extends AttachmentServiceContract {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;

    @TempDir
    Path root;

    @BeforeAll
    static void createFixture() {
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
    protected ObjectStorage newStorage() {
        return new FileSystemObjectStorage(root.resolve("objects"));
    }

    // temporary files of a failed put and checksum sidecars are regular files too
    @Override
    protected void assertStoreIsEmpty() throws IOException {
        Path objects = root.resolve("objects");
        if (!Files.exists(objects)) {
            return;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
