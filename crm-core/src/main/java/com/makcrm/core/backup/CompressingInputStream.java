package com.makcrm.core.backup;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The zstd compression of a source stream, pulled rather than pushed, so compressed content can be handed to an
 * object store's put as a stream without a temporary file or a second thread. At most one chunk of compressed
 * output is buffered.
 */
final class CompressingInputStream extends InputStream {

    static final int LEVEL = 3;

    private final InputStream source;
    private final Buffer compressed = new Buffer();
    private final ZstdOutputStreamNoFinalizer zstd;
    private final byte[] chunk = new byte[128 * 1024];
    private int position;
    private boolean finished;

    CompressingInputStream(InputStream source) throws IOException {
        this.source = source;
        this.zstd = new ZstdOutputStreamNoFinalizer(compressed, LEVEL);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= compressed.size()) {
            if (finished) {
                return -1;
            }
            compressed.reset();
            position = 0;
            pull();
        }
        int n = Math.min(length, compressed.size() - position);
        System.arraycopy(compressed.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private void pull() throws IOException {
        int n = source.read(chunk);
        if (n < 0) {
            zstd.close(); // ends the frame
            finished = true;
        } else {
            zstd.write(chunk, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                finished = true;
                zstd.close();
            }
        } finally {
            source.close();
        }
    }

    /** A byte buffer whose content can be read without copying it. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
