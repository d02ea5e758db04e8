package com.makcrm.core.record;

import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A postal address: {@code {"street", "city", "postcode", "country"}} with an ISO 3166 alpha-2 country. */
final class AddressAttribute implements Attribute {

    private static final List<String> PARTS = List.of("street", "city", "postcode", "country");

    private final String name;
    private final String prefix;

    AddressAttribute(String name, String columnPrefix) {
        this.name = name;
        this.prefix = columnPrefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return PARTS.stream().map(p -> prefix + p).toList();
    }

    @Override
    public void write(Object apiValue, Map<String, Object> columnValues, FieldErrors errors, WriteContext ctx) {
        columns().forEach(c -> columnValues.put(c, null));
        if (apiValue == null) {
            return;
        }
        Map<String, Object> in = errors.check(name, () -> Coerce.object(name, apiValue));
        if (in == null) {
            return;
        }
        for (String key : in.keySet()) {
            if (!Set.copyOf(PARTS).contains(key)) {
                errors.add(
                        name + "." + key,
                        RecordMessages.ADDRESS_PART_UNKNOWN,
                        Map.of("field", name + "." + key, "parts", PARTS.toString()));
            }
        }
        for (String part : PARTS) {
            String path = name + "." + part;
            Object raw = in.get(part);
            if (raw != null) {
                columnValues.put(prefix + part, errors.check(path, () -> normalize(path, part, raw)));
            }
        }
    }

    private static String normalize(String path, String part, Object raw) {
        String text = Values.text(path, Coerce.string(path, raw), 300);
        return part.equals("country") && text != null ? Values.country(path, text) : text;
    }

    @Override
    public FieldDescription describe() {
        List<FieldDescription> parts = PARTS.stream()
                .map(part -> FieldDescription.field(part, FieldDescription.Type.STRING)
                        .omittedWhenEmpty()
                        .min(part.equals("country") ? 2L : null)
                        .max(part.equals("country") ? 2L : 300L)
                        .description(
                                part.equals("country")
                                        ? "ISO 3166-1 alpha-2 code, upper case in records, e.g. DE"
                                        : null)
                        .build())
                .toList();
        return FieldDescription.field(name, FieldDescription.Type.OBJECT)
                .description("A postal address; parts without a value are left out, and a write replaces all parts")
                .properties(parts)
                .build();
    }

    @Override
    public Object read(ResultSet row) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : PARTS) {
            String value = row.getString(prefix + part);
            if (value != null) {
                out.put(part, value);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
