package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    @Test
    void aManifestWrittenBeforeEncryptionReadsAsNotEncrypted() {
        String json = """
                {"formatVersion": 1, "backupId": "0191a5e0-0000-7000-8000-000000000001", "kind": "TENANT",
                 "tenantId": "0191a5e0-0000-7000-8000-000000000002", "tenantSlug": "acme", "schemaVersion": "12",
                 "started": "2026-01-01T00:00:00Z", "finished": "2026-01-01T00:00:01Z", "toolVersion": "0.1.0",
                 "tables": [], "objects": []}
                """;

        BackupManifest manifest = ManifestJson.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "backups/x/manifest.json");

        assertThat(manifest.encryption()).isNull();
        assertThat(manifest.tenantSlug()).isEqualTo("acme");
    }

    @Test
    void theEncryptionOfAManifestRoundTripsWithItsKeyIdOnly() throws IOException {
        BackupKey key = BackupKey.generate();
        BackupManifest manifest = new BackupManifest(
                1,
                UUID.randomUUID(),
                BackupManifest.Kind.TENANT,
                UUID.randomUUID(),
                "acme",
                "12",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"),
                "0.1.0",
                List.of(),
                List.of(),
                null,
                PartCodec.encrypted(key).encryption());

        String json = new String(ManifestJson.write(manifest).readAllBytes(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"keyId\" : \"" + key.id() + "\"").contains("AES256_GCM_HKDF_1MB");
        assertThat(json).doesNotContain(key.toBase64().strip());
        assertThat(ManifestJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m"))
                .isEqualTo(manifest);
    }
}
