package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque page cursor: base64url of {@code {"o": order signature, "k": [sort values of the last row as
 * text]}}. The signature ties a cursor to the order it was made for. A cursor is not signed: tampering can
 * only move the page start, since its values are type-checked and bound like filter values.
 */
final class Cursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cursor() {}

    static String encode(String signature, List<Object> values) {
        ObjectNode body = JSON.createObjectNode();
        body.put("o", signature);
        ArrayNode keys = body.putArray("k");
        for (Object value : values) {
            if (value == null) {
                keys.addNull();
            } else {
                keys.add(Values.format(value));
            }
        }
        byte[] json = JSON.writeValueAsBytes(body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** The typed sort values of the row the cursor points after, one per key. */
    static List<Object> decode(String cursor, String signature, List<SortKey> keys) {
        if (cursor.length() > Limits.MAX_CURSOR_LENGTH) {
            throw CrmException.invalid(QueryMessages.CURSOR_TOO_LONG, Map.of());
        }
        JsonNode body = body(cursor);
        JsonNode order = body.get("o");
        if (order == null || !order.isString() || !order.stringValue().equals(signature)) {
            throw CrmException.invalid(QueryMessages.CURSOR_OTHER_ORDER, Map.of());
        }
        JsonNode values = body.get("k");
        if (values == null || !values.isArray() || values.size() != keys.size()) {
            throw invalid();
        }
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            decoded.add(value(values.get(i), keys.get(i)));
        }
        return decoded;
    }

    private static JsonNode body(String cursor) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor);
            JsonNode body = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw invalid();
            }
            return body;
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    private static Object value(JsonNode node, SortKey key) {
        if (node == null || node.isNull()) {
            if (!key.field().nullable()) {
                throw invalid();
            }
            return null;
        }
        if (!node.isString()) {
            throw invalid();
        }
        try {
            return Values.parse(key.field().type(), node.stringValue());
        } catch (Values.Mismatch e) {
            throw invalid();
        }
    }

    private static CrmException invalid() {
        return CrmException.invalid(QueryMessages.CURSOR_INVALID, Map.of());
    }
}
