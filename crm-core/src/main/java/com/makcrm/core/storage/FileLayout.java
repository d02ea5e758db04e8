package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a key lives under a filesystem root. An object is the plain file {@code <root>/<key>}, so a repository can be
 * browsed and copied with ordinary tools; its metadata sidecar and in-flight temporary files sit beside it under
 * names starting with {@value #RESERVED_PREFIX}, which keys may therefore not use.
 */
final class FileLayout {

    static final String RESERVED_PREFIX = ".crm-";
    private static final String SIDECAR_PREFIX = RESERVED_PREFIX + "meta.";
    private static final String TEMP_PREFIX = RESERVED_PREFIX + "tmp-";
    // file names are at most 255 bytes on common filesystems, and a sidecar name adds its prefix
    private static final int MAX_SEGMENT_BYTES = 255 - SIDECAR_PREFIX.length();

    private final Path root;

    FileLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path objectPath(String key) {
        ObjectKeys.requireValid(key);
        for (String segment : key.split("/")) {
            requireStorableSegment(key, segment);
        }
        return contained(root.resolve(key), key);
    }

    /** The directory holding every key that starts with {@code prefix}: its complete segments. */
    Path directoryOf(String prefix) {
        ObjectKeys.requireValidPrefix(prefix);
        String directory = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        return contained(root.resolve(directory), prefix);
    }

    String keyOf(Path object) {
        return root.relativize(object).toString().replace(object.getFileSystem().getSeparator(), "/");
    }

    static Path sidecarOf(Path object) {
        return object.resolveSibling(SIDECAR_PREFIX + object.getFileName());
    }

    // in the object's own directory, so the final move is a rename within one filesystem and thus atomic
    static Path newTempFile(Path directory) throws IOException {
        return Files.createTempFile(directory, TEMP_PREFIX, ".part");
    }

    static boolean isReserved(Path path) {
        return path.getFileName().toString().startsWith(RESERVED_PREFIX);
    }

    private static void requireStorableSegment(String key, String segment) {
        if (segment.startsWith(RESERVED_PREFIX)) {
            throw CrmException.invalid(
                    StorageMessages.KEY_RESERVED_SEGMENT,
                    Map.of("key", ObjectKeys.printable(key), "prefix", RESERVED_PREFIX));
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw CrmException.invalid(
                    StorageMessages.KEY_SEGMENT_TOO_LONG,
                    Map.of("key", ObjectKeys.printable(key), "max", String.valueOf(MAX_SEGMENT_BYTES)));
        }
    }

    // the key rule already forbids '..'; this guards against a future change to that rule
    private Path contained(Path path, String key) {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root)) {
            throw CrmException.invalid(StorageMessages.KEY_LEAVES_ROOT, Map.of("key", ObjectKeys.printable(key)));
        }
        return normalized;
    }
}
