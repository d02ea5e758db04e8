package com.makcrm.core.backup;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;

/** The zstd compression of a source stream as one frame, pulled as it is read (see {@link EncodingInputStream}). */
final class CompressingInputStream extends EncodingInputStream {

    static final int LEVEL = 3;

    CompressingInputStream(InputStream source) throws IOException {
        super(source, sink -> new ZstdOutputStreamNoFinalizer(sink, LEVEL));
    }
}
