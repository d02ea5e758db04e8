package com.makcrm.server.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Reads the {@code Idempotency-Key} header: 1 to {@value #MAX_LENGTH} printable ASCII characters, sent bare or as a
 * structured-field string ({@code "..."}, as draft-ietf-httpapi-idempotency-key-header writes it).
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    static final String RULE = HEADER + " must be 1 to " + MAX_LENGTH + " printable ASCII characters";

    private IdempotencyKey() {}

    /**
     * The key, or {@code null} when the request has none.
     *
     * @throws IllegalArgumentException with a message for the client when the header is malformed
     */
    static String parse(Enumeration<String> headers) {
        List<String> values = headers == null ? List.of() : new ArrayList<>(Collections.list(headers));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("send one " + HEADER + " header, not " + values.size());
        }
        String key = unquote(values.get(0).strip());
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException(RULE);
        }
        return key;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            key.append(c);
        }
        return key.toString();
    }
}
