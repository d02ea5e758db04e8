package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.i18n.Messages;
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

    @Test
    void aShortKeyFileIsAKeyFailureInEnglishAndInRussian() throws IOException {
        byte[] sixteen = new byte[16];
        Path file =
                Files.writeString(dir.resolve("short.key"), Base64.getEncoder().encodeToString(sixteen) + "\n");

        BackupFailure e = catchThrowableOfType(BackupFailure.class, () -> BackupKey.load(file));

        assertThat(e.kind()).isEqualTo(BackupFailure.Kind.KEY);
        assertThat(e.getMessage())
                .isEqualTo("encryption key file " + file
                        + ": an encryption key must be 32 bytes in base64 on one line (this one has 16 bytes)");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo(
                        "файл ключа шифрования " + file
                                + ": ключ шифрования должен занимать 32 байта в base64 на одной строке (в этом ключе байт: 16)");
        assertThat(Messages.fromClasspath().describe(e, java.util.Locale.ENGLISH))
                .isEqualTo(e.getMessage());
    }

    @Test
    void notBase64IsAKeyFailureWithoutTheLengthItHas() {
        BackupFailure e = catchThrowableOfType(BackupFailure.class, () -> BackupKey.fromBase64("not a key!"));

        assertThat(e.getMessage()).isEqualTo("an encryption key must be 32 bytes in base64 on one line");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("ключ шифрования должен занимать 32 байта в base64 на одной строке");
    }
}
