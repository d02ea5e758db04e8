package com.makcrm.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a small answer leave in one write with a {@code Content-Length}. Message converters flush when they finish a
 * body; that commits the response early, so the container sends it chunked, in two or three writes (headers and
 * body, then the last chunk). Here explicit flushes wait for the end of the request, when the container writes
 * whatever its buffer holds at once. Bodies bigger than the buffer (CSV exports, downloads) still stream: the
 * container writes each time its buffer fills.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SingleWriteFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new NoEarlyFlush(response));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // streaming bodies finish on an async dispatch; their flushes wait too
    }

    private static final class NoEarlyFlush extends HttpServletResponseWrapper {
        private ServletOutputStream out;
        private PrintWriter writer;

        NoEarlyFlush(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // the container flushes when the request ends
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream target = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        target.write(b, off, len);
                    }

                    @Override
                    public void flush() {
                        // see flushBuffer
                    }

                    @Override
                    public void close() throws IOException {
                        target.close();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(
                        new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }
    }
}
