package com.makcrm.core.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A source stream pushed through an output-stream encoder (compression, encryption), pulled rather than pushed, so the
 * encoded content can be handed to an object store's put as a stream without a temporary file or a second thread. At
 * most what the encoder emits for one chunk of input is buffered (for encryption: one segment).
 */
class EncodingInputStream extends InputStream {

    /** Wraps the sink the encoded bytes go to; closing the returned stream must end the encoding and close the sink. */
    interface Encoder {
        OutputStream wrap(OutputStream sink) throws IOException;
    }

    private final InputStream source;
    private final Buffer encoded = new Buffer();
    private final OutputStream encoder;
    private final byte[] chunk = new byte[128 * 1024];
    private int position;
    private boolean finished;

    EncodingInputStream(InputStream source, Encoder encoder) throws IOException {
        this.source = source;
        this.encoder = encoder.wrap(encoded);
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
        while (position >= encoded.size()) {
            if (finished) {
                return -1;
            }
            encoded.reset();
            position = 0;
            pull();
        }
        int n = Math.min(length, encoded.size() - position);
        System.arraycopy(encoded.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private void pull() throws IOException {
        int n = source.read(chunk);
        if (n < 0) {
            encoder.close(); // ends the frame or the last segment
            finished = true;
        } else {
            encoder.write(chunk, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                finished = true;
                encoder.close();
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
