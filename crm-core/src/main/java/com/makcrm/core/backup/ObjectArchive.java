package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.ObjectEntry;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies the objects of a store (a tenant's part of the application store, or all of it) into the repository's
 * content-addressed area, uploading only what is not there yet. Keys in the entries are relative to {@code source}.
 */
final class ObjectArchive {

    private final ObjectStorage source;
    private final ObjectStorage repository;
    private final PartCodec codec;

    ObjectArchive(ObjectStorage source, ObjectStorage repository) {
        this(source, repository, PartCodec.DEFAULT);
    }

    /** Objects are stored in {@code codec}'s form and area of the repository (per key when encrypted). */
    ObjectArchive(ObjectStorage source, ObjectStorage repository, PartCodec codec) {
        this.source = source;
        this.repository = repository;
        this.codec = codec;
    }

    List<ObjectEntry> storeAll(BackupListener listener) {
        List<ObjectEntry> entries = new ArrayList<>();
        try (Stream<ObjectSummary> listing = source.list("")) {
            for (ObjectSummary summary : (Iterable<ObjectSummary>) listing::iterator) {
                store(summary.key()).ifPresent(stored -> {
                    entries.add(stored.entry());
                    listener.objectStored(stored.entry(), stored.uploaded());
                });
            }
        }
        return entries;
    }

    private record Stored(ObjectEntry entry, boolean uploaded) {}

    /** Empty when the object vanished since it was listed (deleted meanwhile: nothing to back up). */
    private Optional<Stored> store(String key) {
        try {
            StoredObject object = source.stat(key)
                    .orElseThrow(() -> CrmException.notFound(BackupMessages.OBJECT_VANISHED, Map.of("key", key)));
            String sha256 = object.sha256Hex() != null ? object.sha256Hex() : hashOf(key);
            String target = codec.objectKey(sha256);
            ObjectEntry entry = new ObjectEntry(key, sha256, object.size());
            long storedSize = codec.storedObjectSize(object.size());
            if (repository
                    .stat(target)
                    .filter(there -> there.size() == storedSize)
                    .isPresent()) {
                return Optional.of(new Stored(entry, false));
            }
            upload(key, target, entry);
            return Optional.of(new Stored(entry, true));
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void upload(String key, String target, ObjectEntry entry) {
        try (StoredObjectStream in = source.get(key)) {
            DigestingInputStream content = new DigestingInputStream(in);
            try (InputStream stored = codec.encodeObject(content, target)) {
                // the content type stays readable, even when encrypted, so a restore gives it back
                repository.put(
                        target,
                        stored,
                        codec.storedObjectSize(entry.size()),
                        in.object().contentType());
            }
            if (!entry.sha256().equals(content.sha256Hex())) {
                repository.delete(target);
                throw CrmException.conflict(
                        BackupMessages.OBJECT_CHANGED, Map.of("key", key, "sha256", String.valueOf(entry.sha256())));
            }
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.OBJECT_COPY_FAILED, Map.of("key", key, "reason", String.valueOf(e.getMessage())), e);
        }
    }

    private String hashOf(String key) {
        try (StoredObjectStream in = source.get(key)) {
            DigestingInputStream digest = new DigestingInputStream(in);
            digest.drain();
            return digest.sha256Hex();
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.OBJECT_HASH_FAILED, Map.of("key", key, "reason", String.valueOf(e.getMessage())), e);
        }
    }
}
