package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes manifests as JSON. */
final class ManifestJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestJson() {}

    /** The manifest of {@code backupId} in {@code repository}; NOT_FOUND when it does not exist or never completed. */
    static BackupManifest require(ObjectStorage repository, UUID backupId) {
        return find(repository, backupId)
                .orElseThrow(
                        () -> CrmException.notFound(BackupMessages.NOT_FOUND, Map.of("id", String.valueOf(backupId))));
    }

    /** The manifest of {@code backupId}, or empty when the repository has none for it. */
    static Optional<BackupManifest> find(ObjectStorage repository, UUID backupId) {
        return repository.stat(RepositoryLayout.manifest(backupId)).isEmpty()
                ? Optional.empty()
                : Optional.of(load(repository, backupId));
    }

    /** Reads the manifest of {@code backupId}, which the caller knows is there; UNAVAILABLE when reading fails. */
    static BackupManifest load(ObjectStorage repository, UUID backupId) {
        String key = RepositoryLayout.manifest(backupId);
        try (StoredObjectStream in = repository.get(key)) {
            return read(in, key);
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.MANIFEST_UNREADABLE,
                    Map.of("key", key, "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }

    static InputStream write(BackupManifest manifest) {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(manifest));
    }

    static BackupManifest read(InputStream in, String key) {
        try {
            BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
            if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
                throw CrmException.invalid(
                        BackupMessages.MANIFEST_FORMAT,
                        Map.of(
                                "key",
                                key,
                                "version",
                                String.valueOf(manifest.formatVersion()),
                                "supported",
                                String.valueOf(BackupManifest.FORMAT_VERSION)));
            }
            return manifest;
        } catch (JacksonException e) {
            throw CrmException.invalid(
                    BackupMessages.MANIFEST_INVALID,
                    Map.of("key", key, "reason", String.valueOf(e.getOriginalMessage())));
        }
    }
}
