package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupKeyTest {

    @TempDir
    Path dir;

    @Test
    void aKeyFileRoundTripsAndKeepsItsId() throws IOException {
        BackupKey key = BackupKey.generate();
        Path file = Files.writeString(dir.resolve("backup.key"), "  " + key.toBase64() + "\n\n");

        BackupKey loaded = BackupKey.load(file);

        assertThat(loaded).isEqualTo(key);
        assertThat(loaded.id()).isEqualTo(key.id()).matches("[0-9a-f]{16}");
        assertThat(BackupKey.generate().id()).isNotEqualTo(key.id());
    }

    @Test
    void theIdAndToStringNeverShowTheKey() {
        BackupKey key = BackupKey.generate();
        String base64 = key.toBase64().strip();
        String hex = java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(base64));

        assertThat(key.toString()).contains(key.id()).doesNotContain(base64).doesNotContain(hex.substring(0, 16));
        assertThat(hex).doesNotContain(key.id());
    }

    @Test
    void rejectsAKeyOfTheWrongLengthOrNotBase64() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> BackupKey.fromBase64(shortKey))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY))
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> BackupKey.fromBase64("not base64 at all!"))
                .isInstanceOf(BackupFailure.class)
                .hasMessageContaining("base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void aMissingOrMalformedKeyFileIsAKeyFailureNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.key");
        Path malformed = Files.writeString(dir.resolve("malformed.key"), "hello\nworld\n");
        Path binary = Files.write(dir.resolve("binary.key"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

        for (Path file : new Path[] {missing, malformed, binary}) {
            assertThatThrownBy(() -> BackupKey.load(file))
                    .isInstanceOfSatisfying(
                            BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY))
                    .hasMessageContaining(file.toString());
        }
        assertThatThrownBy(() -> BackupKey.load(missing)).hasMessageContaining("no such file");
    }
}
