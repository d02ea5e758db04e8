package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.QueryMessages;
import com.makcrm.core.query.FilterNode.And;
import com.makcrm.core.query.FilterNode.Condition;
import com.makcrm.core.query.FilterNode.Not;
import com.makcrm.core.query.FilterNode.Or;
import com.makcrm.core.query.TextScanner.Expected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the textual filter into a {@link FilterNode} tree. Only syntax and the operator set are checked
 * here; fields, types and values are checked against metadata by the compiler.
 */
final class FilterParser {

    private static final String CLAUSE = "filter";
    private static final Expected CONDITION = Expected.of("condition");
    private static final Expected OPEN_PAREN = Expected.of("openParen");
    private static final Expected COMMA_OR_CLOSE_PAREN = Expected.of("commaOrCloseParen");
    private static final Expected VALUE = Expected.of("value");

    private final TextScanner scanner;
    private int conditions;

    private FilterParser(String text) {
        this.scanner = new TextScanner(text, CLAUSE);
    }

    /** Empty when the filter is null or blank: everything matches. */
    static Optional<FilterNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Limits.checkLength(CLAUSE, text, Limits.MAX_FILTER_LENGTH);
        FilterParser parser = new FilterParser(text);
        FilterNode node = parser.node(1);
        if (!parser.scanner.atEnd()) {
            throw parser.scanner.unexpected(Expected.of("filterEnd"));
        }
        return Optional.of(node);
    }

    private FilterNode node(int depth) {
        int position = scanner.position();
        String path = scanner.path(CONDITION);
        if (scanner.peekIs('(')) {
            return group(path, position, depth);
        }
        return condition(path, position);
    }

    private FilterNode group(String combinator, int position, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw CrmException.invalid(
                    QueryMessages.TOO_DEEP,
                    Map.of("max", String.valueOf(Limits.MAX_DEPTH), "position", String.valueOf(position)));
        }
        scanner.expect('(', OPEN_PAREN);
        switch (combinator) {
            case "and":
                return new And(children(depth));
            case "or":
                return new Or(children(depth));
            case "not":
                FilterNode child = node(depth + 1);
                scanner.expect(')', Expected.of("notCloseParen"));
                return new Not(child);
            default:
                throw CrmException.invalid(
                        QueryMessages.UNKNOWN_COMBINATOR,
                        Map.of("combinator", combinator, "position", String.valueOf(position)));
        }
    }

    private List<FilterNode> children(int depth) {
        List<FilterNode> children = new ArrayList<>();
        do {
            children.add(node(depth + 1));
        } while (scanner.tryConsume(','));
        scanner.expect(')', COMMA_OR_CLOSE_PAREN);
        return children;
    }

    private Condition condition(String path, int position) {
        if (++conditions > Limits.MAX_CONDITIONS) {
            throw CrmException.invalid(
                    QueryMessages.TOO_MANY_CONDITIONS,
                    Map.of("max", String.valueOf(Limits.MAX_CONDITIONS), "position", String.valueOf(position)));
        }
        scanner.expect('[', Expected.of("operatorBracket", "path", path));
        Operator operator = operator();
        scanner.expect(']', Expected.of("closeBracket"));
        return new Condition(path, operator, values(operator), position);
    }

    private Operator operator() {
        int position = scanner.position();
        String text = scanner.identifier(Expected.of("operator", "operators", Operator.allTexts()));
        return Operator.byText(text)
                .orElseThrow(() -> CrmException.invalid(
                        QueryMessages.UNKNOWN_OPERATOR,
                        Map.of(
                                "operator",
                                text,
                                "position",
                                String.valueOf(position),
                                "operators",
                                Operator.allTexts())));
    }

    private List<String> values(Operator operator) {
        switch (operator.arity()) {
            case NONE:
                if (scanner.peekIs(':')) {
                    throw scanner.unexpected(Expected.of("noValue", "operator", operator.text()));
                }
                return List.of();
            case ONE:
                scanner.expect(':', Expected.of("colonValue"));
                if (scanner.peekIs('(')) {
                    throw scanner.unexpected(Expected.of("oneValue"));
                }
                return List.of(scanner.value(VALUE));
            default:
                scanner.expect(':', Expected.of("colonValueOrList"));
                return scanner.peekIs('(') ? list(operator) : List.of(scanner.value(Expected.of("valueOrList")));
        }
    }

    private List<String> list(Operator operator) {
        scanner.expect('(', OPEN_PAREN);
        List<String> values = new ArrayList<>();
        do {
            int position = scanner.position();
            if (values.size() == Limits.MAX_LIST_VALUES) {
                throw CrmException.invalid(
                        QueryMessages.TOO_MANY_VALUES,
                        Map.of(
                                "operator",
                                operator.text(),
                                "position",
                                String.valueOf(position),
                                "max",
                                String.valueOf(Limits.MAX_LIST_VALUES)));
            }
            values.add(scanner.value(VALUE));
        } while (scanner.tryConsume(','));
        scanner.expect(')', COMMA_OR_CLOSE_PAREN);
        return values;
    }
}
