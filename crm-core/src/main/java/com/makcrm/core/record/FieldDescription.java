package com.makcrm.core.record;

import java.util.List;

/**
 * One field of a record as its JSON shows it, for documentation and tooling (the server's OpenAPI schemas are built
 * from these). Read-only and produced by {@link RecordFields#describe} from the same model that reads and writes
 * records, so a description cannot disagree with the records it describes.
 *
 * @param name the JSON key
 * @param type the JSON type
 * @param format a JSON Schema format refining the type ({@code uuid}, {@code date}, {@code date-time}, {@code email},
 *     {@code uri}, {@code hostname}, {@code int32}, {@code int64}), or null
 * @param description what the field holds, for people; null when the name says it all
 * @param writable whether clients may write it; false for what the server maintains ({@code id}, audit fields)
 * @param required whether a create must give it (with a value: it is never null)
 * @param nullable whether a record can hold null here; a writable nullable field is cleared by writing null
 * @param alwaysPresent whether every record carries the key (null or not); false for parts left out when empty
 * @param defaultValue what a new record holds when its create leaves the field out, or null
 * @param min the smallest value (INTEGER), shortest length (STRING) or fewest items (ARRAY); null when unbounded
 * @param max the largest value, longest length or most items; null when unbounded
 * @param enumValues the only values allowed, in order; empty when any value of the type is
 * @param properties the fixed properties of an OBJECT, in order; empty for a free-form object whose keys are not known
 *     in advance (custom field values)
 * @param items what each element of an ARRAY is, else null
 */
public record FieldDescription(
        String name,
        Type type,
        String format,
        String description,
        boolean writable,
        boolean required,
        boolean nullable,
        boolean alwaysPresent,
        Object defaultValue,
        Long min,
        Long max,
        List<String> enumValues,
        List<FieldDescription> properties,
        FieldDescription items) {

    /** JSON types; a number is always a whole one in records (money is in minor units). */
    public enum Type {
        STRING,
        INTEGER,
        BOOLEAN,
        OBJECT,
        ARRAY
    }

    public FieldDescription {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    static Builder field(String name, Type type) {
        return new Builder(name, type);
    }

    /** Starts as a writable, optional, nullable field every record carries. */
    static final class Builder {
        private final String name;
        private final Type type;
        private String format;
        private String description;
        private boolean writable = true;
        private boolean required;
        private boolean nullable = true;
        private boolean alwaysPresent = true;
        private Object defaultValue;
        private Long min;
        private Long max;
        private List<String> enumValues = List.of();
        private List<FieldDescription> properties = List.of();
        private FieldDescription items;

        private Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        Builder format(String format) {
            this.format = format;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder readOnly() {
            this.writable = false;
            return this;
        }

        Builder required() {
            this.required = true;
            this.nullable = false;
            return this;
        }

        Builder notNull() {
            this.nullable = false;
            return this;
        }

        Builder omittedWhenEmpty() {
            this.alwaysPresent = false;
            this.nullable = false;
            return this;
        }

        Builder defaultValue(Object value) {
            this.defaultValue = value;
            this.nullable = value == null && nullable;
            return this;
        }

        Builder min(Long min) {
            this.min = min;
            return this;
        }

        Builder max(Long max) {
            this.max = max;
            return this;
        }

        Builder enumValues(List<String> values) {
            this.enumValues = values;
            return this;
        }

        Builder properties(List<FieldDescription> properties) {
            this.properties = properties;
            return this;
        }

        Builder items(FieldDescription items) {
            this.items = items;
            return this;
        }

        FieldDescription build() {
            return new FieldDescription(
                    name,
                    type,
                    format,
                    description,
                    writable,
                    required,
                    nullable,
                    alwaysPresent,
                    defaultValue,
                    min,
                    max,
                    enumValues,
                    properties,
                    items);
        }
    }
}
