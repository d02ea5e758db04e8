package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import com.makcrm.core.query.FilterNode.Condition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles one condition. Values are converted to their field's Java type and bound; only the field's trusted
 * expression and fixed operator text become SQL. neq and nin also match null ("not equal to X" holds for a
 * missing value); every other operator is false on null.
 */
final class ConditionSql {

    private ConditionSql() {}

    static SqlFragment compile(Condition condition, ResolvedField field) {
        Operator operator = condition.operator();
        Set<Operator> allowed = Operator.allowedOn(field.type());
        if (!allowed.contains(operator)) {
            throw CrmException.invalid(
                    QueryMessages.OPERATOR_NOT_ALLOWED,
                    Map.of(
                            "operator",
                            operator.text(),
                            "field",
                            field.path(),
                            "type",
                            field.type().name(),
                            "position",
                            String.valueOf(condition.position()),
                            "allowed",
                            Operator.texts(allowed)));
        }
        List<Object> values = convert(condition, field);
        String e = field.sql();
        return field.type().isArray() ? array(operator, e, values) : scalar(operator, e, values);
    }

    private static SqlFragment scalar(Operator operator, String e, List<Object> values) {
        return switch (operator) {
            case EQ -> bound(e + " = ?", values);
            case NEQ -> bound("(" + e + " is null or " + e + " <> ?)", values);
            case GT -> bound(e + " > ?", values);
            case GTE -> bound(e + " >= ?", values);
            case LT -> bound(e + " < ?", values);
            case LTE -> bound(e + " <= ?", values);
            case IN -> bound(e + " in (" + placeholders(values) + ")", values);
            case NIN -> bound("(" + e + " is null or " + e + " not in (" + placeholders(values) + "))", values);
            // ILIKE rather than lower(): trigram GIN indexes serve ILIKE directly
            case CONTAINS -> SqlFragment.of(e + " ilike ?", "%" + escapeLike((String) values.get(0)) + "%");
            case STARTS_WITH -> SqlFragment.of(e + " ilike ?", escapeLike((String) values.get(0)) + "%");
            case IS_NULL -> SqlFragment.of(e + " is null");
            case IS_NOT_NULL -> SqlFragment.of(e + " is not null");
        };
    }

    // text[] membership: @> and && are what GIN array indexes serve
    private static SqlFragment array(Operator operator, String e, List<Object> values) {
        String list = "array[" + placeholders(values) + "]::text[]";
        return switch (operator) {
            case EQ, CONTAINS -> bound(e + " @> " + list, values);
            case NEQ -> bound("(" + e + " is null or not " + e + " @> " + list + ")", values);
            case IN -> bound(e + " && " + list, values);
            case NIN -> bound("(" + e + " is null or not " + e + " && " + list + ")", values);
            case IS_NULL -> SqlFragment.of("(" + e + " is null or cardinality(" + e + ") = 0)");
            case IS_NOT_NULL -> SqlFragment.of("cardinality(" + e + ") > 0");
            default -> throw new IllegalStateException(operator + " is not an array operator");
        };
    }

    private static List<Object> convert(Condition condition, ResolvedField field) {
        List<Object> values = new ArrayList<>();
        for (String text : condition.values()) {
            values.add(convert(condition, field, text));
        }
        return values;
    }

    private static Object convert(Condition condition, ResolvedField field, String text) {
        Object value;
        try {
            value = Values.parse(field.type(), text);
        } catch (Values.Mismatch e) {
            throw CrmException.invalid(
                    QueryMessages.INVALID_VALUE,
                    Map.of(
                            "value",
                            shorten(text),
                            "field",
                            field.path(),
                            "operator",
                            condition.operator().text(),
                            "position",
                            String.valueOf(condition.position()),
                            "expected",
                            e.expected()));
        }
        checkOption(condition, field, text);
        return value;
    }

    private static void checkOption(Condition condition, ResolvedField field, String text) {
        Set<String> options = field.field().options();
        if (!options.isEmpty() && !options.contains(text)) {
            throw CrmException.invalid(
                    QueryMessages.NOT_AN_OPTION,
                    Map.of(
                            "value",
                            shorten(text),
                            "field",
                            field.path(),
                            "position",
                            String.valueOf(condition.position()),
                            "options",
                            String.join(", ", new TreeSet<>(options))));
        }
    }

    private static SqlFragment bound(String sql, List<Object> values) {
        return new SqlFragment(sql, values);
    }

    private static String placeholders(List<Object> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
