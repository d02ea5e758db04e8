package com.makcrm.core.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * How a table part's content and an object's content are turned into what the repository stores, and back. Every
 * writer and reader of parts and objects goes through here, so a change of encoding is made in one place.
 *
 * <p>A plain codec stores a part as one zstd frame and an object as it is. An encrypted codec then encrypts either as
 * one stream of {@value #ALGORITHM}: Tink's {@link AesGcmHkdfStreaming} (a random salt per stream, HKDF-SHA256 from
 * the backup key to a 32-byte AES-256-GCM key for that stream, 1 MiB ciphertext segments each authenticated with its
 * index and a last-segment flag, so a truncated, reordered or extended stream fails). Memory stays at one segment
 * however big the part. The stream's associated data is the part's key in the repository, so a part or object copied
 * over another one fails to decrypt.
 */
final class PartCodec {

    /** The name recorded in manifests for the encryption used here. */
    static final String ALGORITHM = "AES256_GCM_HKDF_1MB";

    private static final int SEGMENT_SIZE = 1024 * 1024;
    private static final String PLAIN_TYPE = "application/zstd";
    private static final String ENCRYPTED_TYPE = "application/octet-stream";

    static final PartCodec DEFAULT = plain();

    private final BackupKey key;
    private final AesGcmHkdfStreaming aead;

    private PartCodec(BackupKey key) {
        this.key = key;
        this.aead = key == null ? null : streamingAead(key);
    }

    /** zstd for parts, objects as they are. */
    static PartCodec plain() {
        return new PartCodec(null);
    }

    /** zstd then encryption with {@code key} for parts, encryption for objects. */
    static PartCodec encrypted(BackupKey key) {
        return new PartCodec(java.util.Objects.requireNonNull(key, "key"));
    }

    private static AesGcmHkdfStreaming streamingAead(BackupKey key) {
        try {
            return new AesGcmHkdfStreaming(key.material(), "HmacSha256", BackupKey.LENGTH, SEGMENT_SIZE, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM streaming is not available in this Java runtime", e);
        }
    }

    /** The key this codec encrypts with, or null for a plain codec. */
    BackupKey key() {
        return key;
    }

    /** What a manifest records about this codec: null for a plain one. */
    BackupManifest.Encryption encryption() {
        return key == null ? null : new BackupManifest.Encryption(ALGORITHM, key.id());
    }

    /** The content type of stored parts. */
    String partType() {
        return key == null ? PLAIN_TYPE : ENCRYPTED_TYPE;
    }

    /** Where an object with this plaintext SHA-256 is stored: encrypted objects have an area per key. */
    String objectKey(String sha256Hex) {
        return key == null ? RepositoryLayout.object(sha256Hex) : RepositoryLayout.encryptedObject(key.id(), sha256Hex);
    }

    /** The length of an object's stored form, from the length of its content. */
    long storedObjectSize(long contentSize) {
        return key == null ? contentSize : aead.expectedCiphertextSize(contentSize);
    }

    /** The stored form of {@code raw}, pulled as it is read; {@code repositoryKey} is where it will be stored. */
    InputStream encode(InputStream raw, String repositoryKey) throws IOException {
        if (key == null) {
            return new CompressingInputStream(raw);
        }
        byte[] aad = associatedData(repositoryKey);
        return new EncodingInputStream(
                raw, sink -> new ZstdOutputStreamNoFinalizer(encrypting(sink, aad), CompressingInputStream.LEVEL));
    }

    /** {@link #encode(InputStream, String)} for a plain codec, which needs no repository key. */
    InputStream encode(InputStream raw) throws IOException {
        return encode(raw, null);
    }

    /** The stored form of an object's content (plain: kept as it is, objects are mostly compressed already). */
    InputStream encodeObject(InputStream content, String repositoryKey) throws IOException {
        if (key == null) {
            return content;
        }
        byte[] aad = associatedData(repositoryKey);
        return new EncodingInputStream(content, sink -> encrypting(sink, aad));
    }

    /** {@link #encodeObject(InputStream, String)} for a plain codec. */
    InputStream encodeObject(InputStream content) throws IOException {
        return encodeObject(content, null);
    }

    /**
     * The content of a stored part; reading past damage (or, encrypted, anything that fails authentication) throws an
     * IOException. Closing it closes {@code stored}.
     */
    InputStream decode(InputStream stored, String repositoryKey) throws IOException {
        return new ZstdInputStreamNoFinalizer(decrypted(stored, repositoryKey));
    }

    /** {@link #decode(InputStream, String)} of a stream from the repository's get, which knows its key. */
    InputStream decode(InputStream stored) throws IOException {
        return decode(stored, keyOf(stored));
    }

    /** An object's content from its stored form. Closing it closes {@code stored}. */
    InputStream decodeObject(InputStream stored, String repositoryKey) throws IOException {
        return decrypted(stored, repositoryKey);
    }

    /** {@link #decodeObject(InputStream, String)} of a stream from the repository's get, which knows its key. */
    InputStream decodeObject(InputStream stored) throws IOException {
        return decodeObject(stored, keyOf(stored));
    }

    private InputStream decrypted(InputStream stored, String repositoryKey) throws IOException {
        if (key == null) {
            return stored;
        }
        try {
            return aead.newDecryptingStream(stored, associatedData(repositoryKey));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start decryption: " + e.getMessage(), e);
        }
    }

    private OutputStream encrypting(OutputStream sink, byte[] aad) throws IOException {
        try {
            return aead.newEncryptingStream(sink, aad);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start encryption: " + e.getMessage(), e);
        }
    }

    private String keyOf(InputStream stored) {
        if (key == null) {
            return null;
        }
        if (stored instanceof StoredObjectStream fromRepository) {
            return fromRepository.object().key();
        }
        throw new IllegalArgumentException("an encrypted part is bound to its repository key: decode a stream from"
                + " the repository's get, or pass the key (decode(stored, key), decodeObject(stored, key))");
    }

    private byte[] associatedData(String repositoryKey) {
        if (repositoryKey == null) {
            throw new IllegalArgumentException("an encrypted part is bound to its repository key: none given");
        }
        return ("makcrm-backup:" + repositoryKey).getBytes(StandardCharsets.UTF_8);
    }
}
