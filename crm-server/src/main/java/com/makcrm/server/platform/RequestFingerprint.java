package com.makcrm.server.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;

/**
 * What makes two requests "the same request": method, path with query, and the SHA-256 of the body. Reading the body
 * consumes it, so {@link #read} hands back a request whose body can be read again. Multipart bodies (uploads, which
 * may be large) are hashed part by part from the container's parsed parts instead of being held in memory, and form
 * bodies by their parameters, as the container has to parse those itself.
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    /** The fingerprint, and the request to pass on. */
    record Read(String fingerprint, HttpServletRequest request) {}

    /**
     * @throws IOException when the body cannot be read (e.g. it is over the size limit)
     * @throws ServletException when the container cannot parse a multipart body
     */
    static Read read(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest sha = sha256();
        update(sha, request.getMethod());
        update(sha, request.getRequestURI());
        update(sha, request.getQueryString() == null ? "" : request.getQueryString());
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            hashParts(sha, request);
            return new Read(hex(sha), request);
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            hashParameters(sha, request);
            return new Read(hex(sha), request);
        }
        byte[] body = request.getInputStream().readAllBytes();
        update(sha, body);
        return new Read(hex(sha), new CachedBody(request, body));
    }

    private static void hashParts(MessageDigest sha, HttpServletRequest request) throws IOException, ServletException {
        for (Part part : request.getParts()) {
            update(sha, part.getName());
            update(sha, part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName());
            update(sha, part.getContentType() == null ? "" : part.getContentType());
            update(sha, Long.toString(part.getSize()));
            try (InputStream in = new DigestInputStream(part.getInputStream(), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private static void hashParameters(MessageDigest sha, HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            update(sha, parameter.getKey());
            for (String value : parameter.getValue()) {
                update(sha, value);
            }
        }
    }

    // length-prefixed, so that ("ab", "c") and ("a", "bc") differ
    private static void update(MessageDigest sha, String value) {
        update(sha, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest sha, byte[] value) {
        sha.update((value.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(value);
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The request with its body held in memory (it is already under the request size limit). */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }
    }
}
