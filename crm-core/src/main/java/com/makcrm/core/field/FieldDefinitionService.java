package com.makcrm.core.field;

import com.makcrm.core.db.Sql;
import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Json;
import com.makcrm.core.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom field definitions of a tenant. Adding or removing a field touches only {@code field_definition}: values
 * live in each record's JSONB {@code custom} column, so no table is rewritten or locked for long.
 */
public final class FieldDefinitionService {

    public static final Set<String> OBJECTS = Set.of("company", "person", "opportunity");
    static final Pattern NAME = Pattern.compile("^[a-z][a-zA-Z0-9]{0,62}$");
    private static final Pattern OPTION_VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$");
    private static final int MAX_FIELDS_PER_OBJECT = 200;
    private static final int MAX_OPTIONS = 500;
    private static final String COLUMNS =
            "id, object, name, label, type, required, default_value, options, position, created_at, updated_at, version";

    private final TenantTransactions tx;
    private final Map<String, Set<String>> builtInNames;
    private final FieldDefinitionCache cache;

    /** @param builtInNames per object, the API names of built-in fields, which custom fields may not shadow */
    public FieldDefinitionService(TenantTransactions tx, Map<String, Set<String>> builtInNames) {
        this(tx, builtInNames, new FieldDefinitionCache());
    }

    /** @param cache the record reads' copy of definitions, dropped here whenever they change */
    public FieldDefinitionService(
            TenantTransactions tx, Map<String, Set<String>> builtInNames, FieldDefinitionCache cache) {
        this.tx = tx;
        this.builtInNames = Map.copyOf(builtInNames);
        this.cache = cache;
    }

    public List<FieldDefinition> list(String schema, String object) {
        checkObject(object);
        return tx.read(schema, c -> list(c, object));
    }

    /** Definitions of one object, in display order, inside the caller's transaction. */
    public static List<FieldDefinition> list(Connection c, String object) throws SQLException {
        String sql = "select " + COLUMNS + " from field_definition where object = ? order by position, name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, object);
            try (ResultSet rs = ps.executeQuery()) {
                List<FieldDefinition> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    /** Definitions of every object, by object, in one query (a record operation needs its own and related ones). */
    public static Map<String, List<FieldDefinition>> listAll(Connection c) throws SQLException {
        String sql = "select " + COLUMNS + " from field_definition order by object, position, name";
        Map<String, List<FieldDefinition>> out = new LinkedHashMap<>();
        OBJECTS.forEach(o -> out.put(o, new ArrayList<>()));
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                FieldDefinition d = map(rs);
                out.computeIfAbsent(d.object(), k -> new ArrayList<>()).add(d);
            }
        }
        return out;
    }

    /** Runs a change of definitions, then drops the cached copy (also when the change failed half-way). */
    private <T> T changed(String schema, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            cache.invalidate(schema);
        }
    }

    public FieldDefinition get(String schema, String object, String name) {
        return list(schema, object).stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> notFound(object, name));
    }

    public FieldDefinition create(String schema, NewField f) {
        checkObject(f.object());
        FieldDefinition draft = validate(f);
        return changed(
                schema,
                () -> tx.write(schema, c -> {
                    List<FieldDefinition> existing = list(c, f.object());
                    if (existing.stream().anyMatch(d -> d.name().equals(f.name()))) {
                        throw exists(f.object(), f.name());
                    }
                    if (existing.size() >= MAX_FIELDS_PER_OBJECT) {
                        throw CrmException.conflict(
                                RecordMessages.FIELD_LIMIT, Map.of("object", f.object(), "max", MAX_FIELDS_PER_OBJECT));
                    }
                    int position = f.position() != null ? f.position() : existing.size();
                    insert(c, draft, position);
                    return list(c, f.object()).stream()
                            .filter(d -> d.id().equals(draft.id()))
                            .findFirst()
                            .orElseThrow();
                }));
    }

    public FieldDefinition update(String schema, String object, String name, Integer expectedVersion, FieldChange ch) {
        checkObject(object);
        return changed(
                schema,
                () -> tx.write(schema, c -> {
                    FieldDefinition current = list(c, object).stream()
                            .filter(d -> d.name().equals(name))
                            .findFirst()
                            .orElseThrow(() -> notFound(object, name));
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        throw CrmException.conflict(
                                RecordMessages.FIELD_STALE_VERSION,
                                Map.of(
                                        "object",
                                        object,
                                        "name",
                                        name,
                                        "current",
                                        String.valueOf(current.version()),
                                        "expected",
                                        String.valueOf(expectedVersion)));
                    }
                    FieldDefinition changed = validate(merge(current, ch));
                    updateRow(c, current, changed);
                    return list(c, object).stream()
                            .filter(d -> d.name().equals(name))
                            .findFirst()
                            .orElseThrow();
                }));
    }

    /** Removes the definition; stored values stay in place but are no longer read, filtered or returned. */
    public void delete(String schema, String object, String name) {
        checkObject(object);
        changed(
                schema,
                () -> tx.write(schema, c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("delete from field_definition where object = ? and name = ?")) {
                        ps.setString(1, object);
                        ps.setString(2, name);
                        if (ps.executeUpdate() == 0) {
                            throw notFound(object, name);
                        }
                    }
                    return null;
                }));
    }

    private static NewField merge(FieldDefinition d, FieldChange ch) {
        Object def = ch.clearDefault() ? null : ch.defaultValue() != null ? ch.defaultValue() : d.defaultValue();
        return new NewField(
                d.object(),
                d.name(),
                ch.label() != null ? ch.label() : d.label(),
                d.type(),
                ch.required() != null ? ch.required() : d.required(),
                def,
                ch.options() != null ? ch.options() : d.options(),
                ch.position() != null ? ch.position() : d.position());
    }

    private FieldDefinition validate(NewField f) {
        FieldErrors errors = new FieldErrors();
        if (f.name() == null || !NAME.matcher(f.name()).matches()) {
            errors.add(
                    "name",
                    RecordMessages.FIELD_NAME_INVALID,
                    Map.of("field", "name", "value", String.valueOf(f.name())));
        } else if (builtInNames.getOrDefault(f.object(), Set.of()).contains(f.name())) {
            errors.add(
                    "name",
                    RecordMessages.FIELD_NAME_BUILT_IN,
                    Map.of("field", "name", "value", f.name(), "object", f.object()));
        }
        if (f.type() == null) {
            errors.add(
                    "type",
                    RecordMessages.FIELD_TYPE_REQUIRED,
                    Map.of(
                            "field",
                            "type",
                            "types",
                            List.of(CustomFieldType.values()).toString()));
        }
        String label = f.label() == null ? f.name() : errors.check("label", () -> Values.text("label", f.label(), 200));
        List<SelectOption> options = checkOptions(f, errors);
        FieldDefinition draft = new FieldDefinition(
                UuidV7.next(),
                f.object(),
                f.name(),
                label,
                f.type(),
                f.required(),
                null,
                options,
                f.position() == null ? 0 : f.position(),
                null,
                null,
                1);
        Object defaultValue = f.defaultValue() == null || f.type() == null
                ? null
                : errors.check(
                        "defaultValue",
                        () -> new CustomValues(List.of(draft), null)
                                .normalize(draft, "defaultValue", f.defaultValue()));
        errors.throwIfAny();
        return new FieldDefinition(
                draft.id(),
                draft.object(),
                draft.name(),
                draft.label(),
                draft.type(),
                draft.required(),
                defaultValue,
                options,
                draft.position(),
                null,
                null,
                1);
    }

    private static List<SelectOption> checkOptions(NewField f, FieldErrors errors) {
        List<SelectOption> options = f.options() == null ? List.of() : f.options();
        if (f.type() == null) {
            return options;
        }
        if (!f.type().hasOptions()) {
            if (!options.isEmpty()) {
                errors.add("options", RecordMessages.FIELD_OPTIONS_NOT_ALLOWED, Map.of("field", "options"));
            }
            return List.of();
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            errors.add(
                    "options",
                    RecordMessages.FIELD_OPTIONS_COUNT,
                    Map.of("field", "options", "type", f.type().name(), "max", String.valueOf(MAX_OPTIONS)));
        }
        Set<String> seen = new HashSet<>();
        for (SelectOption o : options) {
            if (o.value() == null || !OPTION_VALUE.matcher(o.value()).matches()) {
                errors.add(
                        "options",
                        RecordMessages.FIELD_OPTION_VALUE_INVALID,
                        Map.of("field", "options", "value", String.valueOf(o.value())));
            } else if (!seen.add(o.value())) {
                errors.add(
                        "options",
                        RecordMessages.FIELD_OPTION_VALUE_DUPLICATE,
                        Map.of("field", "options", "value", o.value()));
            }
        }
        return options.stream()
                .map(o -> new SelectOption(o.value(), o.label() == null ? o.value() : o.label(), o.color()))
                .toList();
    }

    private static void insert(Connection c, FieldDefinition d, int position) throws SQLException {
        String sql = "insert into field_definition (id, object, name, label, type, required, default_value, options,"
                + " position) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, d.id());
            ps.setString(2, d.object());
            ps.setString(3, d.name());
            ps.setString(4, d.label());
            ps.setString(5, d.type().name());
            ps.setBoolean(6, d.required());
            ps.setString(7, d.defaultValue() == null ? null : Json.write(d.defaultValue()));
            ps.setString(8, Json.write(optionsJson(d.options())));
            ps.setInt(9, position);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw exists(d.object(), d.name());
            }
            throw e;
        }
    }

    private static void updateRow(Connection c, FieldDefinition current, FieldDefinition d) throws SQLException {
        String sql =
                "update field_definition set label = ?, required = ?, default_value = ?::jsonb, options = ?::jsonb,"
                        + " position = ?, updated_at = now(), version = version + 1 where id = ? and version = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.label());
            ps.setBoolean(2, d.required());
            ps.setString(3, d.defaultValue() == null ? null : Json.write(d.defaultValue()));
            ps.setString(4, Json.write(optionsJson(d.options())));
            ps.setInt(5, d.position());
            ps.setObject(6, current.id());
            ps.setInt(7, current.version());
            if (ps.executeUpdate() == 0) {
                throw CrmException.conflict(
                        RecordMessages.FIELD_CHANGED_CONCURRENTLY, Map.of("object", d.object(), "name", d.name()));
            }
        }
    }

    private static List<Map<String, Object>> optionsJson(List<SelectOption> options) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SelectOption o : options) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", o.value());
            m.put("label", o.label());
            if (o.color() != null) {
                m.put("color", o.color());
            }
            out.add(m);
        }
        return out;
    }

    private static FieldDefinition map(ResultSet rs) throws SQLException {
        List<SelectOption> options = new ArrayList<>();
        for (Object o : Json.readArray(rs.getString("options"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            options.add(new SelectOption((String) m.get("value"), (String) m.get("label"), (String) m.get("color")));
        }
        return new FieldDefinition(
                rs.getObject("id", java.util.UUID.class),
                rs.getString("object"),
                rs.getString("name"),
                rs.getString("label"),
                CustomFieldType.valueOf(rs.getString("type")),
                rs.getBoolean("required"),
                Json.read(rs.getString("default_value")),
                options,
                rs.getInt("position"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static void checkObject(String object) {
        if (object == null || !OBJECTS.contains(object)) {
            throw CrmException.invalid(
                    RecordMessages.FIELD_OBJECT_INVALID,
                    Map.of("objects", OBJECTS.toString(), "object", String.valueOf(object)));
        }
    }

    private static CrmException notFound(String object, String name) {
        return CrmException.notFound(
                RecordMessages.FIELD_NOT_FOUND, Map.of("object", String.valueOf(object), "name", String.valueOf(name)));
    }

    private static CrmException exists(String object, String name) {
        return CrmException.conflict(RecordMessages.FIELD_EXISTS, Map.of("object", object, "name", name));
    }
}
