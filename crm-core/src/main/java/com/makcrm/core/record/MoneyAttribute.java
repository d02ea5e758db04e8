package com.makcrm.core.record;

import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money as {@code {"amountMinor": 1250000, "currency": "EUR"}}: an exact integer in the currency's minor units
 * (cents, kopecks) plus its ISO 4217 code, never a float.
 */
final class MoneyAttribute implements Attribute {

    private final String name;
    private final String amountColumn;
    private final String currencyColumn;

    MoneyAttribute(String name, String amountColumn, String currencyColumn) {
        this.name = name;
        this.amountColumn = amountColumn;
        this.currencyColumn = currencyColumn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columns() {
        return List.of(amountColumn, currencyColumn);
    }

    String amountColumn() {
        return amountColumn;
    }

    String currencyColumn() {
        return currencyColumn;
    }

    @Override
    public void write(Object apiValue, Map<String, Object> columnValues, FieldErrors errors, WriteContext ctx) {
        columnValues.put(amountColumn, null);
        columnValues.put(currencyColumn, null);
        if (apiValue == null) {
            return;
        }
        Map<String, Object> in = errors.check(name, () -> Coerce.object(name, apiValue));
        if (in == null) {
            return;
        }
        Long amount =
                errors.check(name + ".amountMinor", () -> Coerce.integer(name + ".amountMinor", in.get("amountMinor")));
        String currency = errors.check(
                name + ".currency",
                () -> Values.currency(name + ".currency", Coerce.string(name + ".currency", in.get("currency"))));
        columnValues.put(amountColumn, amount);
        columnValues.put(currencyColumn, currency);
    }

    @Override
    public FieldDescription describe() {
        return FieldDescription.field(name, FieldDescription.Type.OBJECT)
                .description("Money: an exact amount in the currency's minor units and its currency; both or neither")
                .properties(List.of(
                        FieldDescription.field("amountMinor", FieldDescription.Type.INTEGER)
                                .format("int64")
                                .required()
                                .description("The amount in minor units (cents), e.g. 1250000 for 12500.00")
                                .build(),
                        FieldDescription.field("currency", FieldDescription.Type.STRING)
                                .required()
                                .min(3L)
                                .max(3L)
                                .description("ISO 4217 code, upper case in records, e.g. EUR")
                                .build()))
                .build();
    }

    @Override
    public Object read(ResultSet row) throws SQLException {
        if (row.getObject(amountColumn) == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amountMinor", row.getLong(amountColumn));
        out.put("currency", row.getString(currencyColumn));
        return out;
    }
}
