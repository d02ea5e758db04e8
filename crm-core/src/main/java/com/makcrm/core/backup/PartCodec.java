package com.makcrm.core.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;

/**
 * How a table part's content is turned into what the repository stores, and back: zstd, as one frame. Every writer
 * and reader of parts goes through here, so a change of encoding is made in one place.
 */
final class PartCodec {

    static final PartCodec DEFAULT = new PartCodec();

    private PartCodec() {}

    /** The stored form of {@code raw}, pulled as it is read. */
    InputStream encode(InputStream raw) throws IOException {
        return new CompressingInputStream(raw);
    }

    /** The stored form of an object's content (objects are already compressed or incompressible: kept as they are). */
    InputStream encodeObject(InputStream content) {
        return content;
    }

    /** An object's content from its stored form. Closing it closes {@code stored}. */
    InputStream decodeObject(InputStream stored) {
        return stored;
    }

    /** The content of a stored part; reading past damage throws an IOException. Closing it closes {@code stored}. */
    InputStream decode(InputStream stored) throws IOException {
        return new ZstdInputStreamNoFinalizer(stored);
    }
}
