package com.makcrm.core.field;

import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and normalizes custom field values against their definitions, on every write. Values are stored in
 * JSON-native forms: text, numbers, booleans, ISO dates, UTC date-times, option values, {amountMinor, currency}.
 */
public final class CustomValues {

    static final int MAX_TEXT = 10_000;

    private final Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    private final String phoneRegion;

    public CustomValues(List<FieldDefinition> definitions, String phoneRegion) {
        definitions.forEach(d -> byName.put(d.name(), d));
        this.phoneRegion = phoneRegion;
    }

    /** Values for a new record: defaults filled in, required fields enforced. */
    public Map<String, Object> forCreate(Map<String, Object> input, FieldErrors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        rejectUnknown(input, errors);
        for (FieldDefinition def : byName.values()) {
            Object raw = input.containsKey(def.name()) ? input.get(def.name()) : def.defaultValue();
            put(out, def, raw, errors);
        }
        return out;
    }

    /** Stored values merged with a partial update; a null in the patch clears a field unless it is required. */
    public Map<String, Object> forUpdate(Map<String, Object> stored, Map<String, Object> patch, FieldErrors errors) {
        Map<String, Object> out = visible(stored);
        rejectUnknown(patch, errors);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            FieldDefinition def = byName.get(e.getKey());
            if (def != null) {
                out.remove(def.name());
                put(out, def, e.getValue(), errors);
            }
        }
        return out;
    }

    /** Only the values of fields that are still defined (a removed field's values are left in place, unseen). */
    public Map<String, Object> visible(Map<String, Object> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            if (stored.get(name) != null) {
                out.put(name, stored.get(name));
            }
        }
        return out;
    }

    private void put(Map<String, Object> out, FieldDefinition def, Object raw, FieldErrors errors) {
        String path = "custom." + def.name();
        if (raw == null) {
            if (def.required()) {
                errors.add(path, ValidationMessages.REQUIRED, Map.of("field", path));
            }
            return;
        }
        Object value = errors.check(path, () -> normalize(def, path, raw));
        if (value != null) {
            out.put(def.name(), value);
        }
    }

    private void rejectUnknown(Map<String, Object> input, FieldErrors errors) {
        for (String key : input.keySet()) {
            if (!byName.containsKey(key)) {
                errors.add("custom." + key, RecordMessages.FIELD_UNKNOWN, Map.of("field", "custom." + key));
            }
        }
    }

    Object normalize(FieldDefinition def, String path, Object raw) {
        return switch (def.type()) {
            case TEXT -> Values.text(path, Coerce.string(path, raw), MAX_TEXT);
            case NUMBER -> Coerce.number(path, raw);
            case BOOLEAN -> Coerce.bool(path, raw);
            case DATE -> Coerce.date(path, raw).toString();
            case DATETIME -> Coerce.dateTime(path, raw).toString();
            case SELECT -> option(def, path, Coerce.string(path, raw));
            case MULTI_SELECT -> options(def, path, raw);
            case CURRENCY -> money(path, raw);
            case EMAIL -> Values.email(path, Coerce.string(path, raw));
            case PHONE -> Values.phone(path, Coerce.string(path, raw), phoneRegion);
            case URL -> Values.url(path, Coerce.string(path, raw));
        };
    }

    private static String option(FieldDefinition def, String path, String value) {
        if (!def.allows(value)) {
            throw com.makcrm.core.error.CrmException.invalid(
                    RecordMessages.NOT_ONE_OF,
                    Map.of(
                            "field",
                            path,
                            "value",
                            String.valueOf(value),
                            "allowed",
                            def.options().stream()
                                    .map(SelectOption::value)
                                    .toList()
                                    .toString()));
        }
        return value;
    }

    private static List<String> options(FieldDefinition def, String path, Object raw) {
        Set<String> values = new LinkedHashSet<>();
        // a flat source (CSV cell) carries several options as "A;B"
        List<Object> items = raw instanceof String s ? List.of((Object[]) s.split(";")) : Coerce.list(path, raw);
        for (Object item : items) {
            values.add(option(def, path, Coerce.string(path, item).strip()));
        }
        return new ArrayList<>(values);
    }

    static Map<String, Object> money(String path, Object raw) {
        Map<String, Object> in = Coerce.object(path, raw);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amountMinor", Coerce.integer(path + ".amountMinor", in.get("amountMinor")));
        out.put("currency", Values.currency(path + ".currency", Coerce.string(path + ".currency", in.get("currency"))));
        return out;
    }
}
