package com.makcrm.server.platform;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.ProblemMessages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

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
     * @throws CrmException INVALID, with a message for the client, when the header is malformed
     */
    static String parse(Enumeration<String> headers) {
        List<String> values = headers == null ? List.of() : new ArrayList<>(Collections.list(headers));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw CrmException.invalid(
                    ProblemMessages.IDEMPOTENCY_KEY_REPEATED, Map.of("count", String.valueOf(values.size())));
        }
        String key = unquote(values.get(0).strip());
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw CrmException.invalid(
                    ProblemMessages.IDEMPOTENCY_KEY_MALFORMED, Map.of("max", String.valueOf(MAX_LENGTH)));
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
