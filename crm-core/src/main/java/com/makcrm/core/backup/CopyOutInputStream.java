package com.makcrm.core.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/** The data of a running {@code COPY ... TO STDOUT}, as a stream; closing it early cancels the COPY. */
final class CopyOutInputStream extends InputStream {

    private final CopyOut copy;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    CopyOutInputStream(CopyOut copy) {
        this.copy = copy;
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
        while (position >= chunk.length) {
            if (ended) {
                return -1;
            }
            fetch();
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    private void fetch() throws IOException {
        try {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                ended = true;
            } else {
                chunk = next;
                position = 0;
            }
        } catch (SQLException e) {
            throw new IOException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** The rows the server reported for the finished COPY. */
    long rows() {
        if (!ended) {
            throw new IllegalStateException("the COPY has not finished");
        }
        return copy.getHandledRowCount();
    }

    @Override
    public void close() throws IOException {
        if (!ended && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new IOException("could not cancel COPY: " + e.getMessage(), e);
            }
        }
    }
}
