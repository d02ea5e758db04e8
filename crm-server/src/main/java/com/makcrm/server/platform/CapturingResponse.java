package com.makcrm.server.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Passes the response through to the client as it is written (nothing is held back, so streaming stays streaming)
 * and keeps a copy of the body up to a limit, for replay.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final int limit;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean errorSent;

    CapturingResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** The body as written, or {@code null} when it grew over the limit. */
    byte[] body() {
        flushWriter();
        return copy == null ? null : copy.toByteArray();
    }

    /** Whether the response went to the container's error page, whose body this wrapper never sees. */
    boolean errorSent() {
        return errorSent;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Tee(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(
                    new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }

    @Override
    public void reset() {
        super.reset();
        resetCopy();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        resetCopy();
    }

    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    private void resetCopy() {
        if (copy != null) {
            copy.reset();
        }
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (copy == null) {
            return;
        }
        if (copy.size() + (long) length > limit) {
            copy = null; // too big to keep: stop copying, the client still gets all of it
            return;
        }
        copy.write(bytes, offset, length);
    }

    private final class Tee extends ServletOutputStream {
        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            keep(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
