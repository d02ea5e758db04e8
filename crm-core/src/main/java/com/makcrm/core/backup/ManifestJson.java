package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
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
