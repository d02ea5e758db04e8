package com.makcrm.server.api;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.RecordMessages;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * Versions as HTTP validators: a record's {@code version} is its strong ETag ({@code "3"}), and writes take it back
 * in {@code If-Match}. A stale version is a CONFLICT (409) naming the current state, as crm-core reports it.
 */
final class Preconditions {

    private Preconditions() {}

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; null when the header is absent. */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            int version = Integer.parseInt(v);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = header.length() > 40 ? header.substring(0, 40) + "..." : header;
        throw CrmException.invalidFields(
                List.of(FieldError.of(HttpHeaders.IF_MATCH, RecordMessages.IF_MATCH_INVALID, Map.of("value", shown))));
    }

    /** The version a write must match: required so that no change silently overwrites another. */
    static int requireIfMatch(String header) {
        Integer version = ifMatch(header);
        if (version == null) {
            throw new PreconditionRequiredException(RecordMessages.IF_MATCH_REQUIRED, Map.of());
        }
        return version;
    }
}
