package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.StorageMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Objects as plain files under a root directory: {@code <root>/<key>}. A put streams into a temporary file beside the
 * target, syncs it and renames it into place, so a crash leaves either the old object or the new one, never a part.
 *
 * <p>Unlike S3, a filesystem cannot hold both {@code a} and {@code a/b}; storing one while the other exists is a
 * CONFLICT.
 */
public final class FileSystemObjectStorage implements ObjectStorage {

    private static final int BUFFER_SIZE = 64 * 1024;
    // a concurrent delete may remove an empty directory between our creating it and writing into it
    private static final int DIRECTORY_ATTEMPTS = 3;

    private final FileLayout layout;

    public FileSystemObjectStorage(Path root) {
        this.layout = new FileLayout(root);
    }

    public Path root() {
        return layout.root();
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        Path target = layout.objectPath(key);
        ContentDigest.requireValidLength(length);
        String type = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        Path temp = newTempFileFor(key, target);
        Path sidecarTemp = null;
        boolean stored = false;
        try {
            ContentDigest digest = writeSynced(new ContentSource(key, content), temp);
            digest.requireDeclaredLength(key, length);
            StoredObject object = new StoredObject(key, digest.size(), digest.sha256Hex(), type);
            sidecarTemp = Sidecars.writeTemp(temp, object);
            moveIntoPlace(key, temp, target);
            stored = true;
            Files.move(sidecarTemp, FileLayout.sidecarOf(target), StandardCopyOption.ATOMIC_MOVE);
            return object;
        } catch (IOException e) {
            throw failure("store", key, e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(sidecarTemp);
            if (!stored) {
                removeEmptyParentsQuietly(target.getParent());
            }
        }
    }

    @Override
    public StoredObjectStream get(String key) {
        Path path = layout.objectPath(key);
        try {
            BasicFileAttributes attributes = Sidecars.attributes(path);
            if (!attributes.isRegularFile()) {
                throw notFound(key);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return new StoredObjectStream(Sidecars.describe(key, path, attributes), Channels.newInputStream(channel));
        } catch (NoSuchFileException e) {
            throw notFound(key);
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        Path path = layout.objectPath(key);
        try {
            BasicFileAttributes attributes = Sidecars.attributes(path);
            return attributes.isRegularFile()
                    ? Optional.of(Sidecars.describe(key, path, attributes))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("describe", key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path path = layout.objectPath(key);
        try {
            if (Files.isDirectory(path)) {
                return; // a folder of other objects, not an object: nothing to delete
            }
            Files.deleteIfExists(path);
            Files.deleteIfExists(FileLayout.sidecarOf(path));
            removeEmptyParents(path.getParent());
        } catch (IOException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public Stream<ObjectSummary> list(String prefix) {
        FileWalk walk = new FileWalk(layout, ObjectKeys.requireValidPrefix(prefix));
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public String toString() {
        return "file storage at " + layout.root();
    }

    private Path newTempFileFor(String key, Path target) {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                return FileLayout.newTempFile(target.getParent());
            } catch (FileAlreadyExistsException | NotDirectoryException e) {
                throw conflict(key, "parentIsObject");
            } catch (NoSuchFileException e) {
                if (attempt == DIRECTORY_ATTEMPTS) {
                    throw failure("store", key, e);
                }
            } catch (IOException e) {
                throw failure("store", key, e);
            }
        }
    }

    private static ContentDigest writeSynced(ContentSource source, Path temp) throws IOException {
        ContentDigest digest = new ContentDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            for (int n = source.fill(buffer, BUFFER_SIZE); n > 0; n = source.fill(buffer, BUFFER_SIZE)) {
                FileWrites.writeFully(out, buffer, n);
                digest.update(buffer, 0, n);
            }
            // without this a power loss after the rename could expose a file whose blocks were never written
            out.force(true);
        }
        return digest;
    }

    private static void moveIntoPlace(String key, Path temp, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw conflict(key, "isFolder");
        }
        // on POSIX an atomic rename also replaces an existing file
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    // empty folders would keep a later key of the same name from being stored as an object
    private void removeEmptyParents(Path directory) throws IOException {
        for (Path current = directory; !current.equals(layout.root()); current = current.getParent()) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    private void removeEmptyParentsQuietly(Path directory) {
        try {
            removeEmptyParents(directory);
        } catch (IOException e) {
            // only tidiness is lost; the failure being reported matters more
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover temporary file is invisible to readers and listings; not worth failing the call
        }
    }

    private static CrmException notFound(String key) {
        return CrmException.notFound(StorageMessages.FILE_NOT_FOUND, Map.of("key", ObjectKeys.printable(key)));
    }

    /** @param reason a keyword of {@link StorageMessages#FILE_STORE_CONFLICT} */
    private static CrmException conflict(String key, String reason) {
        return CrmException.conflict(
                StorageMessages.FILE_STORE_CONFLICT, Map.of("key", ObjectKeys.printable(key), "reason", reason));
    }

    private CrmException failure(String action, String key, IOException e) {
        Map<String, String> args = Map.of(
                "action",
                action,
                "key",
                ObjectKeys.printable(key),
                "root",
                String.valueOf(layout.root()),
                "reason",
                e.toString());
        ErrorCategory category =
                e instanceof AccessDeniedException ? ErrorCategory.FORBIDDEN : ErrorCategory.UNAVAILABLE;
        return new CrmException(category, StorageMessages.FILE_FAILED.english(args), e)
                .withMessage(StorageMessages.FILE_FAILED, args);
    }
}
