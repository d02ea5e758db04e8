package com.makcrm.core.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata file beside each object (SHA-256, content type). Data and sidecar are two renames, so a crash or a
 * concurrent put can pair a file with a sidecar written for another version of it. Each sidecar therefore records
 * the stamp (file identity, size, modification time) of the very file it describes — a rename keeps all three —
 * and a sidecar whose stamp does not match is ignored rather than trusted.
 */
final class Sidecars {

    private static final Logger LOG = LoggerFactory.getLogger(Sidecars.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Metadata(String sha256, String contentType, String stamp) {}

    private Sidecars() {}

    /** Writes, durably, the sidecar for a data file that is complete but not yet in place, beside it. */
    static Path writeTemp(Path data, StoredObject object) throws IOException {
        Path temp = FileLayout.newTempFile(data.getParent());
        Metadata metadata = new Metadata(object.sha256Hex(), object.contentType(), stamp(attributes(data)));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileWrites.writeFully(out, JSON.writeValueAsBytes(metadata));
            out.force(true);
        }
        return temp;
    }

    /** The object as its sidecar describes it, or with an unknown SHA-256 when there is no matching sidecar. */
    static StoredObject describe(String key, Path object, BasicFileAttributes attributes) {
        return read(FileLayout.sidecarOf(object))
                // a damaged sidecar (a field missing) describes nothing, like one whose stamp does not match
                .filter(metadata -> metadata.sha256() != null && metadata.contentType() != null)
                .filter(metadata -> stamp(attributes).equals(metadata.stamp()))
                .map(metadata -> new StoredObject(key, attributes.size(), metadata.sha256(), metadata.contentType()))
                .orElseGet(() -> new StoredObject(key, attributes.size(), null, ObjectStorage.DEFAULT_CONTENT_TYPE));
    }

    static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class);
    }

    private static Optional<Metadata> read(Path sidecar) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(sidecar), Metadata.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            LOG.warn("ignoring unreadable object metadata {}: {}", sidecar, e.toString());
            return Optional.empty();
        }
    }

    private static String stamp(BasicFileAttributes attributes) {
        return attributes.fileKey() + "/" + attributes.size() + "/"
                + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
