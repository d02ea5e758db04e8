package com.makcrm.core.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A record as the API shows it: {@code fields} holds id, version, the built-in fields (composites as nested
 * maps), {@code custom}, the audit fields and, for tasks and notes, {@code targets}; JSON-ready values only
 * (strings, numbers, booleans, lists, maps).
 */
public record CrmRecord(ObjectKind kind, UUID id, int version, Map<String, Object> fields) {

    public CrmRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public boolean deleted() {
        return fields.get("deletedAt") != null;
    }

    /** Fields flattened to dot paths ({@code amount.amountMinor}, {@code custom.tier}) for diffs and exports. */
    public Map<String, Object> flattened() {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", fields, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> in, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : in.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", (Map<String, Object>) nested, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }
}
