package com.makcrm.core.record;

import com.makcrm.core.field.CustomValues;
import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.value.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record model for bulk paths (CSV import and export), which write and read columns set-based instead of one
 * record at a time. Values are validated and normalized by exactly the same rules as {@link RecordService}.
 */
public final class RecordColumns {

    /** Separator of several values in one flat cell, e.g. additional emails. */
    public static final String LIST_SEPARATOR = ";";

    private RecordColumns() {}

    /** Normalized column values of one record plus its custom values (null for objects without custom fields). */
    public record Normalized(Map<String, Object> columns, Map<String, Object> custom) {}

    /**
     * Flat field paths a CSV may carry for this object, in column order: leaf paths of built-in fields
     * ({@code name}, {@code emails.primary}, {@code address.city}) then {@code custom.<name>}.
     */
    public static List<String> paths(ObjectKind kind, List<FieldDefinition> custom) {
        List<String> out = new ArrayList<>();
        for (Attribute a : ObjectModel.of(kind).attributes().values()) {
            out.addAll(leafPaths(a));
        }
        custom.forEach(d -> out.add("custom." + d.name()));
        return out;
    }

    /** The table's columns written by {@link #normalize}, in a stable order. */
    public static List<String> columns(ObjectKind kind) {
        List<String> out = new ArrayList<>();
        ObjectModel.of(kind).attributes().values().forEach(a -> out.addAll(a.columns()));
        return out;
    }

    /** Columns written when only the given flat paths are present (used to update just what a file carries). */
    public static List<String> columnsFor(ObjectKind kind, List<String> paths) {
        List<String> out = new ArrayList<>();
        for (Attribute a : ObjectModel.of(kind).attributes().values()) {
            if (paths.stream().anyMatch(p -> p.equals(a.name()) || p.startsWith(a.name() + "."))) {
                out.addAll(a.columns());
            }
        }
        return out;
    }

    /**
     * The flat API path of each column ({@code annual_revenue_amount} → {@code annualRevenue.amountMinor}), in
     * column order; used to describe set-based changes in the timeline.
     */
    public static Map<String, String> pathsByColumn(ObjectKind kind) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Attribute a : ObjectModel.of(kind).attributes().values()) {
            List<String> columns = a.columns();
            List<String> paths = leafPaths(a);
            for (int i = 0; i < columns.size(); i++) {
                out.put(columns.get(i), paths.size() == columns.size() ? paths.get(i) : a.name());
            }
        }
        return out;
    }

    /** Builds a nested API input from flat cells; empty cells are absent, lists split on {@value #LIST_SEPARATOR}. */
    public static Map<String, Object> input(ObjectKind kind, Map<String, String> flat) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : flat.entrySet()) {
            String value = cell.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            String[] parts = cell.getKey().split("\\.", 2);
            Object typed = isList(cell.getKey()) ? splitList(value) : value;
            if (parts.length == 1) {
                input.put(parts[0], typed);
            } else {
                nested(input, parts[0]).put(parts[1], typed);
            }
        }
        return input;
    }

    /** Validates and normalizes one input; problems go to {@code errors}. No database access. */
    public static Normalized normalize(
            ObjectKind kind, Map<String, Object> input, CustomValues custom, String phoneRegion, FieldErrors errors) {
        ObjectModel model = ObjectModel.of(kind);
        Map<String, Object> columns = new LinkedHashMap<>();
        WriteContext ctx = new WriteContext(phoneRegion);
        for (Attribute a : model.attributes().values()) {
            if (input.containsKey(a.name())) {
                a.write(input.get(a.name()), columns, errors, ctx);
            } else if (a.required()) {
                errors.add(a.name(), ValidationMessages.REQUIRED, Map.of("field", a.name()));
            }
        }
        for (String key : input.keySet()) {
            if (!model.attributes().containsKey(key) && !(key.equals("custom") && kind.hasCustomFields())) {
                errors.add(key, RecordMessages.UNKNOWN_FIELD, Map.of("field", key, "object", kind.apiName()));
            }
        }
        Map<String, Object> customValues = null;
        if (kind.hasCustomFields()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> in = input.get("custom") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            customValues = custom.forCreate(in, errors);
        }
        return new Normalized(columns, customValues);
    }

    private static List<String> leafPaths(Attribute a) {
        if (a instanceof MoneyAttribute) {
            return List.of(a.name() + ".amountMinor", a.name() + ".currency");
        }
        if (a instanceof AddressAttribute) {
            return List.of(a.name() + ".street", a.name() + ".city", a.name() + ".postcode", a.name() + ".country");
        }
        if (a instanceof ContactsAttribute) {
            return List.of(a.name() + ".primary", a.name() + ".additional");
        }
        return List.of(a.name());
    }

    private static boolean isList(String path) {
        return path.endsWith(".additional");
    }

    private static List<Object> splitList(String value) {
        List<Object> out = new ArrayList<>();
        for (String part : value.split(LIST_SEPARATOR)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> input, String key) {
        return (Map<String, Object>) input.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }
}
