package com.makcrm.core.query;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Filter operators as written in brackets: {@code amount[gte]:100}. */
enum Operator {
    EQ("eq", Arity.ONE),
    NEQ("neq", Arity.ONE),
    GT("gt", Arity.ONE),
    GTE("gte", Arity.ONE),
    LT("lt", Arity.ONE),
    LTE("lte", Arity.ONE),
    IN("in", Arity.LIST),
    NIN("nin", Arity.LIST),
    CONTAINS("contains", Arity.ONE),
    STARTS_WITH("startsWith", Arity.ONE),
    IS_NULL("isNull", Arity.NONE),
    IS_NOT_NULL("isNotNull", Arity.NONE);

    enum Arity {
        NONE,
        ONE,
        LIST
    }

    private static final Set<Operator> ORDERED = EnumSet.of(EQ, NEQ, GT, GTE, LT, LTE, IN, NIN, IS_NULL, IS_NOT_NULL);
    private static final Set<Operator> CHOICE = EnumSet.of(EQ, NEQ, IN, NIN, IS_NULL, IS_NOT_NULL);
    private static final Set<Operator> BOOLEAN = EnumSet.of(EQ, NEQ, IS_NULL, IS_NOT_NULL);
    private static final Set<Operator> ARRAY = EnumSet.of(EQ, NEQ, CONTAINS, IN, NIN, IS_NULL, IS_NOT_NULL);

    private final String text;
    private final Arity arity;

    Operator(String text, Arity arity) {
        this.text = text;
        this.arity = arity;
    }

    String text() {
        return text;
    }

    Arity arity() {
        return arity;
    }

    static Optional<Operator> byText(String text) {
        return Arrays.stream(values()).filter(op -> op.text.equals(text)).findFirst();
    }

    static String allTexts() {
        return texts(EnumSet.allOf(Operator.class));
    }

    static Set<Operator> allowedOn(FieldType type) {
        return switch (type) {
            case TEXT, EMAIL, PHONE, URL -> EnumSet.allOf(Operator.class);
            case NUMBER, INTEGER, CURRENCY, DATE, DATETIME -> ORDERED;
            case SELECT, UUID -> CHOICE;
            case BOOLEAN -> BOOLEAN;
            case MULTI_SELECT, TEXT_ARRAY -> ARRAY;
        };
    }

    static String texts(Set<Operator> operators) {
        return operators.stream().map(Operator::text).collect(Collectors.joining(", "));
    }
}
