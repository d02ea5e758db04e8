package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoding of parts and objects, on streams larger than one encryption segment. */
class PartCodecTest {

    private static final String KEY = "backups/0190-test/tables/company.copy.zst";

    private final PartCodec codec = PartCodec.encrypted(BackupKey.generate());

    @Test
    void anEncryptedPartOfSeveralSegmentsDecodesToItsContent() throws IOException {
        byte[] content = content(3 * 1024 * 1024 + 12345);

        byte[] stored = encode(codec, content, KEY);

        assertThat(decode(codec, stored, KEY)).isEqualTo(content);
        assertThat(stored.length).isGreaterThan(1024 * 1024); // random content: several segments
    }

    @Test
    void anEncryptedObjectHasTheExpectedStoredSize() throws IOException {
        byte[] content = content(2 * 1024 * 1024 + 7);

        byte[] stored =
                codec.encodeObject(new ByteArrayInputStream(content), KEY).readAllBytes();

        assertThat((long) stored.length).isEqualTo(codec.storedObjectSize(content.length));
        assertThat(codec.decodeObject(new ByteArrayInputStream(stored), KEY).readAllBytes())
                .isEqualTo(content);
        assertThat(codec.storedObjectSize(0)).isPositive();
    }

    @Test
    void aPartDoesNotDecodeUnderAnotherKeyOrWithAnotherKeyInTheRepository() throws IOException {
        byte[] stored = encode(codec, content(1000), KEY);
        PartCodec other = PartCodec.encrypted(BackupKey.generate());

        assertThatThrownBy(() -> decode(other, stored, KEY)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decode(codec, stored, KEY.replace("company", "person")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aPartCutAtASegmentBoundaryDoesNotDecode() throws IOException {
        byte[] stored = codec.encodeObject(new ByteArrayInputStream(content(3 * 1024 * 1024)), KEY)
                .readAllBytes();

        byte[] cut = Arrays.copyOf(stored, 1024 * 1024 * 2); // header + segments: first two segments exactly

        assertThatThrownBy(() ->
                        codec.decodeObject(new ByteArrayInputStream(cut), KEY).readAllBytes())
                .isInstanceOf(IOException.class);
    }

    @Test
    void aPlainCodecCompressesPartsAndKeepsObjects() throws IOException {
        PartCodec plain = PartCodec.plain();
        byte[] text = "the same line again\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        byte[] stored = encode(plain, text, null);

        assertThat(stored.length).isLessThan(text.length / 10);
        assertThat(decode(plain, stored, null)).isEqualTo(text);
        assertThat(plain.encryption()).isNull();
        assertThat(plain.objectKey("ab" + "0".repeat(62))).isEqualTo("objects/sha256/ab/ab" + "0".repeat(62));
        assertThat(codec.objectKey("ab" + "0".repeat(62)))
                .isEqualTo("objects/" + codec.key().id() + "/sha256/ab/ab" + "0".repeat(62));
    }

    private static byte[] encode(PartCodec codec, byte[] content, String key) throws IOException {
        try (InputStream in = codec.encode(new ByteArrayInputStream(content), key)) {
            return in.readAllBytes();
        }
    }

    private static byte[] decode(PartCodec codec, byte[] stored, String key) throws IOException {
        try (InputStream in = codec.decode(new ByteArrayInputStream(stored), key)) {
            return in.readAllBytes();
        }
    }

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
