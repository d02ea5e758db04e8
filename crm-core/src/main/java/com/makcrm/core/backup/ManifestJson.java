package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes manifests as JSON. */
final class ManifestJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestJson() {}

    static InputStream write(BackupManifest manifest) {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(manifest));
    }

    static BackupManifest read(InputStream in, String key) {
        try {
            BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
            if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
                throw CrmException.invalid("manifest '" + key + "' has format version " + manifest.formatVersion()
                        + "; this version of crm reads format " + BackupManifest.FORMAT_VERSION);
            }
            return manifest;
        } catch (JacksonException e) {
            throw CrmException.invalid(
                    "manifest '" + key + "' is not a valid backup manifest: " + e.getOriginalMessage());
        }
    }
}
