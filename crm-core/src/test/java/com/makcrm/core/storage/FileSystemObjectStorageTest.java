package com.makcrm.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStorageTest extends ObjectStorageContract {

    @TempDir
    Path root;

    @Override
    protected ObjectStorage newStorage() {
        return new FileSystemObjectStorage(root.resolve("objects"));
    }

    @Override
    protected void assertNoLeftovers() throws IOException {
        assertThat(regularFiles()).isEmpty();
    }

    @Test
    void storesObjectsAsPlainFilesUnderTheRoot() throws IOException {
        put("tenants/t1/readme.txt", "plain");

        assertThat(Files.readString(root.resolve("objects/tenants/t1/readme.txt")))
                .isEqualTo("plain");
    }

    @Test
    void failedPutLeavesNoFileUnderTheFinalNameNorAnyTemporaryFile() throws IOException {
        assertCategory(
                () -> storage.put("crash/object.bin", new FailingInputStream(GeneratedContent.of(MIB, 7), 4096), null),
                ErrorCategory.INVALID);

        assertThat(root.resolve("objects/crash/object.bin")).doesNotExist();
        assertThat(regularFiles()).isEmpty();
        // nor an empty folder that would keep a later object named "crash" from being stored
        assertThat(root.resolve("objects/crash")).doesNotExist();
    }

    @Test
    void writesTheNewContentBesideTheTargetAndRenamesIt() throws IOException {
        StoredObject previous = put("doc.txt", "previous");
        Path target = root.resolve("objects/doc.txt");
        Runnable look = () -> {
            try (Stream<Path> siblings = Files.list(target.getParent())) {
                assertThat(siblings.map(path -> path.getFileName().toString()))
                        .anyMatch(name -> name.startsWith(".crm-tmp-"));
                assertThat(Files.readString(target)).isEqualTo("previous");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };

        assertCategory(
                () -> storage.put("doc.txt", new FailingInputStream(GeneratedContent.of(MIB, 8), 70_000, look), null),
                ErrorCategory.INVALID);

        assertThat(storage.stat("doc.txt")).contains(previous);
    }

    @Test
    void ignoresMetadataLeftFromAnotherVersionOfTheFile() throws IOException {
        put("edited.txt", "written through the storage");
        // what a crash between the content rename and the metadata rename, or another tool, leaves behind
        Files.writeString(root.resolve("objects/edited.txt"), "changed outside");

        StoredObject described = storage.stat("edited.txt").orElseThrow();

        assertThat(described.sha256Hex()).isNull();
        assertThat(described.size()).isEqualTo("changed outside".length());
        assertThat(described.contentType()).isEqualTo(ObjectStorage.DEFAULT_CONTENT_TYPE);
    }

    @Test
    void rejectsKeysInTheReservedNamespace() {
        for (String key : List.of(".crm-meta.doc.txt", "a/.crm-tmp-1.part")) {
            assertCategory(() -> storage.put(key, InputStream.nullInputStream(), null), ErrorCategory.INVALID);
            assertCategory(() -> storage.get(key), ErrorCategory.INVALID);
        }
    }

    @Test
    void reportsAKeyThatIsBothAnObjectAndAFolderAsConflict() {
        put("a", "object");
        put("b/c", "object in folder");

        assertCategory(() -> put("a/c", "below an object"), ErrorCategory.CONFLICT);
        assertCategory(() -> put("b", "where a folder is"), ErrorCategory.CONFLICT);
        assertThat(read("a")).isEqualTo("object");
        assertThat(read("b/c")).isEqualTo("object in folder");
    }

    @Test
    void removesFoldersLeftEmptyByADelete() {
        put("x/y/z.txt", "z");

        storage.delete("x/y/z.txt");

        assertThat(root.resolve("objects/x")).doesNotExist();
        put("x", "now an object");
        assertThat(read("x")).isEqualTo("now an object");
    }

    @Test
    void readsObjectsWrittenBeforeTheStoreWasOpenedAgain() {
        put("kept.txt", "kept");

        ObjectStorage reopened = new FileSystemObjectStorage(root.resolve("objects"));

        assertThat(readFrom(reopened, "kept.txt")).isEqualTo("kept");
        assertThat(reopened.stat("kept.txt").orElseThrow().sha256Hex())
                .isEqualTo(GeneratedContent.sha256Of("kept".getBytes(StandardCharsets.UTF_8)));
    }

    private List<Path> regularFiles() throws IOException {
        if (!Files.exists(root.resolve("objects"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
