package com.makcrm.core.record;

import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emails or phones: {@code {"primary": "...", "additional": ["...", ...]}}, each normalized (lowercase email,
 * E.164 phone) so duplicate detection and search match however a value was typed.
 */
final class ContactsAttribute implements Attribute {

    enum Kind {
        EMAIL,
        PHONE
    }

    private static final int MAX_ADDITIONAL = 20;

    private final String name;
    private final String primaryColumn;
    private final String additionalColumn;
    private final Kind kind;

    ContactsAttribute(String name, String primaryColumn, String additionalColumn, Kind kind) {
        this.name = name;
        this.primaryColumn = primaryColumn;
        this.additionalColumn = additionalColumn;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return List.of(primaryColumn, additionalColumn);
    }

    String primaryColumn() {
        return primaryColumn;
    }

    String additionalColumn() {
        return additionalColumn;
    }

    @Override
    public void write(Object apiValue, Map<String, Object> columnValues, FieldErrors errors, WriteContext ctx) {
        columnValues.put(primaryColumn, null);
        columnValues.put(additionalColumn, new String[0]);
        if (apiValue == null) {
            return;
        }
        Map<String, Object> in = errors.check(name, () -> Coerce.object(name, apiValue));
        if (in == null) {
            return;
        }
        String primary = in.get("primary") == null
                ? null
                : errors.check(name + ".primary", () -> normalize(name + ".primary", in.get("primary"), ctx));
        Set<String> additional = new LinkedHashSet<>();
        List<Object> raw = in.get("additional") == null
                ? List.of()
                : errors.check(name + ".additional", () -> Coerce.list(name + ".additional", in.get("additional")));
        for (int i = 0; raw != null && i < raw.size(); i++) {
            String path = name + ".additional[" + i + "]";
            Object item = raw.get(i);
            String value = errors.check(path, () -> normalize(path, item, ctx));
            if (value != null && !value.equals(primary)) {
                additional.add(value);
            }
        }
        if (additional.size() > MAX_ADDITIONAL) {
            errors.add(
                    name + ".additional",
                    RecordMessages.TOO_MANY_CONTACTS,
                    Map.of("field", name + ".additional", "max", MAX_ADDITIONAL));
        }
        if (primary == null && !additional.isEmpty()) {
            primary = additional.iterator().next(); // the first one becomes primary rather than leaving none
            additional.remove(primary);
        }
        columnValues.put(primaryColumn, primary);
        columnValues.put(additionalColumn, additional.toArray(String[]::new));
    }

    private String normalize(String path, Object raw, WriteContext ctx) {
        String text = Coerce.string(path, raw);
        return kind == Kind.EMAIL ? Values.email(path, text) : Values.phone(path, text, ctx.phoneRegion());
    }

    /** Every value of this field, primary first, as stored; used for duplicate detection. */
    static List<String> all(Map<String, Object> columnValues, String primaryColumn, String additionalColumn) {
        List<String> out = new ArrayList<>();
        if (columnValues.get(primaryColumn) != null) {
            out.add((String) columnValues.get(primaryColumn));
        }
        Object additional = columnValues.get(additionalColumn);
        if (additional instanceof String[] values) {
            out.addAll(Arrays.asList(values));
        }
        return out;
    }

    @Override
    public FieldDescription describe() {
        boolean email = kind == Kind.EMAIL;
        String value = email ? "email address, lower case in records" : "phone number, E.164 in records (+4930123456)";
        return FieldDescription.field(name, FieldDescription.Type.OBJECT)
                .description("The primary " + value + ", and up to " + MAX_ADDITIONAL + " more; when only additional"
                        + " ones are written, the first becomes primary. A write replaces both.")
                .properties(List.of(
                        FieldDescription.field("primary", FieldDescription.Type.STRING)
                                .format(email ? "email" : null)
                                .notNull()
                                .build(),
                        FieldDescription.field("additional", FieldDescription.Type.ARRAY)
                                .notNull()
                                .max((long) MAX_ADDITIONAL)
                                .items(FieldDescription.field("additional", FieldDescription.Type.STRING)
                                        .format(email ? "email" : null)
                                        .notNull()
                                        .build())
                                .build()))
                .build();
    }

    @Override
    public Object read(ResultSet row) throws SQLException {
        String primary = row.getString(primaryColumn);
        Array array = row.getArray(additionalColumn);
        String[] additional = array == null ? new String[0] : (String[]) array.getArray();
        if (primary == null && additional.length == 0) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("primary", primary);
        out.put("additional", List.of(additional));
        return out;
    }
}
