package com.makcrm.core.record;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A built-in field stored in one column. */
final class ScalarAttribute implements Attribute {

    enum Type {
        TEXT,
        INTEGER,
        BOOLEAN,
        DATE,
        DATETIME,
        UUID,
        ENUM
    }

    private final String name;
    private final String column;
    private final Type type;
    private final boolean required;
    private final int maxLength;
    private final UnaryOperator<String> normalizer;
    private final List<String> allowed;
    private final ObjectKind references;
    private final long min;
    private final long max;
    private final String format;
    private final String description;
    private final Object defaultValue;
    private final boolean neverNull;

    private ScalarAttribute(Builder b) {
        this.name = b.name;
        this.column = b.column;
        this.type = b.type;
        this.required = b.required;
        this.maxLength = b.maxLength;
        this.normalizer = b.normalizer;
        this.allowed = b.allowed;
        this.references = b.references;
        this.min = b.min;
        this.max = b.max;
        this.format = b.format;
        this.description = b.description;
        this.defaultValue = b.defaultValue;
        this.neverNull = b.neverNull;
    }

    static Builder text(String name, String column) {
        return new Builder(name, column, Type.TEXT);
    }

    static Builder of(String name, String column, Type type) {
        return new Builder(name, column, type);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public ObjectKind references() {
        return references;
    }

    Type type() {
        return type;
    }

    String column() {
        return column;
    }

    @Override
    public void write(Object apiValue, Map<String, Object> columnValues, FieldErrors errors, WriteContext ctx) {
        Object value = apiValue == null ? null : errors.check(name, () -> convert(apiValue));
        if (value == null && required) {
            errors.add(name, ValidationMessages.REQUIRED, Map.of("field", name));
        }
        columnValues.put(column, value);
    }

    private Object convert(Object raw) {
        return switch (type) {
            case TEXT -> {
                String text = Values.text(name, Coerce.string(name, raw), maxLength);
                yield text == null || normalizer == null ? text : normalizer.apply(text);
            }
            case INTEGER -> checkRange(Coerce.integer(name, raw));
            case BOOLEAN -> Coerce.bool(name, raw);
            case DATE -> Coerce.date(name, raw);
            case DATETIME -> Timestamp.from(Coerce.dateTime(name, raw));
            case UUID -> Coerce.uuid(name, raw);
            case ENUM -> checkAllowed(Coerce.string(name, raw).strip());
        };
    }

    private Object checkRange(long value) {
        if (value < min || value > max) {
            throw CrmException.invalid(
                    RecordMessages.OUT_OF_RANGE,
                    Map.of(
                            "field",
                            name,
                            "min",
                            String.valueOf(min),
                            "max",
                            String.valueOf(max),
                            "value",
                            String.valueOf(value)));
        }
        return type == Type.INTEGER && max <= Integer.MAX_VALUE ? (Object) (int) value : value;
    }

    private String checkAllowed(String value) {
        if (!allowed.contains(value)) {
            throw CrmException.invalid(
                    RecordMessages.NOT_ONE_OF, Map.of("field", name, "value", value, "allowed", allowed.toString()));
        }
        return value;
    }

    @Override
    public Object read(ResultSet row) throws SQLException {
        return switch (type) {
            case TEXT, ENUM -> row.getString(column);
            case INTEGER -> row.getObject(column) == null ? null : row.getLong(column);
            case BOOLEAN -> row.getObject(column) == null ? null : row.getBoolean(column);
            case DATE -> {
                LocalDate d = row.getObject(column, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case DATETIME -> {
                Timestamp t = row.getTimestamp(column);
                yield t == null ? null : t.toInstant().toString();
            }
            case UUID -> {
                UUID id = row.getObject(column, UUID.class);
                yield id == null ? null : id.toString();
            }
        };
    }

    @Override
    public FieldDescription describe() {
        FieldDescription.Builder d = switch (type) {
            case TEXT ->
                FieldDescription.field(name, FieldDescription.Type.STRING)
                        .format(format)
                        .min(required ? 1L : null)
                        .max((long) maxLength);
            case INTEGER ->
                FieldDescription.field(name, FieldDescription.Type.INTEGER)
                        .format(max <= Integer.MAX_VALUE && min >= Integer.MIN_VALUE ? "int32" : "int64")
                        .min(min == Integer.MIN_VALUE ? null : min)
                        .max(max == Integer.MAX_VALUE ? null : max);
            case BOOLEAN -> FieldDescription.field(name, FieldDescription.Type.BOOLEAN);
            case DATE ->
                FieldDescription.field(name, FieldDescription.Type.STRING).format("date");
            case DATETIME ->
                FieldDescription.field(name, FieldDescription.Type.STRING).format("date-time");
            case UUID ->
                FieldDescription.field(name, FieldDescription.Type.STRING).format("uuid");
            case ENUM ->
                FieldDescription.field(name, FieldDescription.Type.STRING).enumValues(allowed);
        };
        if (required) {
            d.required();
        }
        if (neverNull) {
            d.notNull();
        }
        String text = description != null
                ? description
                : references != null ? "Id of the related " + references.apiName() + "; it must exist" : null;
        return d.defaultValue(defaultValue).description(text).build();
    }

    static final class Builder {
        private final String name;
        private final String column;
        private final Type type;
        private boolean required;
        private int maxLength = 500;
        private UnaryOperator<String> normalizer;
        private List<String> allowed = List.of();
        private ObjectKind references;
        private long min = Integer.MIN_VALUE;
        private long max = Integer.MAX_VALUE;
        private String format;
        private String description;
        private Object defaultValue;
        private boolean neverNull;

        private Builder(String name, String column, Type type) {
            this.name = name;
            this.column = column;
            this.type = type;
        }

        Builder required() {
            this.required = true;
            return this;
        }

        Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        Builder normalizer(UnaryOperator<String> normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        /** The values an ENUM takes, in the order documentation lists them. */
        Builder allowed(List<String> allowed) {
            this.allowed = List.copyOf(allowed);
            return this;
        }

        Builder references(ObjectKind kind) {
            this.references = kind;
            return this;
        }

        Builder range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** The JSON Schema format of a TEXT value ({@code uri}, {@code hostname}); documentation only. */
        Builder format(String format) {
            this.format = format;
            return this;
        }

        /** What the field holds, where the name does not say it; documentation only. */
        Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The value the database gives a new record that leaves the field out; documentation only. */
        Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /** Stored records never hold null here: the server fills it in (documentation only). */
        Builder neverNull() {
            this.neverNull = true;
            return this;
        }

        ScalarAttribute build() {
            return new ScalarAttribute(this);
        }
    }
}
