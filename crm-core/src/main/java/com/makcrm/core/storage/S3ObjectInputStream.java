package com.makcrm.core.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's body from S3. Closing an HTTP body early normally drains the rest to reuse the connection, which for
 * a large object means downloading it anyway; this aborts the connection instead when the reader stops short.
 */
final class S3ObjectInputStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    S3ObjectInputStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
