package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.query.FilterNode.And;
import com.makcrm.core.query.FilterNode.Condition;
import com.makcrm.core.query.FilterNode.Not;
import com.makcrm.core.query.FilterNode.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the textual filter into a {@link FilterNode} tree. Only syntax and the operator set are checked
 * here; fields, types and values are checked against metadata by the compiler.
 */
final class FilterParser {

    private static final String CLAUSE = "filter";
    private static final String CONDITION = "a condition such as name[eq]:value, or and(, or(, not(";

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
        if (text.length() > Limits.MAX_FILTER_LENGTH) {
            throw CrmException.invalid(
                    "filter is too long: " + text.length() + " characters, at most " + Limits.MAX_FILTER_LENGTH);
        }
        FilterParser parser = new FilterParser(text);
        FilterNode node = parser.node(1);
        if (!parser.scanner.atEnd()) {
            throw parser.scanner.unexpected("the end of the filter");
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
                    "filter nests deeper than " + Limits.MAX_DEPTH + " levels at position " + position);
        }
        scanner.expect('(', "'('");
        switch (combinator) {
            case "and":
                return new And(children(depth));
            case "or":
                return new Or(children(depth));
            case "not":
                FilterNode child = node(depth + 1);
                scanner.expect(')', "')' (not takes exactly one condition)");
                return new Not(child);
            default:
                throw CrmException.invalid("unknown combinator '" + combinator + "' at position " + position
                        + " in filter, expected and, or or not");
        }
    }

    private List<FilterNode> children(int depth) {
        List<FilterNode> children = new ArrayList<>();
        do {
            children.add(node(depth + 1));
        } while (scanner.tryConsume(','));
        scanner.expect(')', "',' or ')'");
        return children;
    }

    private Condition condition(String path, int position) {
        if (++conditions > Limits.MAX_CONDITIONS) {
            throw CrmException.invalid("filter has more than " + Limits.MAX_CONDITIONS
                    + " conditions; the one at position " + position + " is one too many");
        }
        scanner.expect('[', "'[' and an operator, as in " + path + "[eq]:value");
        Operator operator = operator();
        scanner.expect(']', "']'");
        return new Condition(path, operator, values(operator), position);
    }

    private Operator operator() {
        int position = scanner.position();
        String text = scanner.identifier("an operator (" + Operator.allTexts() + ")");
        return Operator.byText(text)
                .orElseThrow(() -> CrmException.invalid("unknown operator '" + text + "' at position " + position
                        + " in filter, expected one of " + Operator.allTexts()));
    }

    private List<String> values(Operator operator) {
        switch (operator.arity()) {
            case NONE:
                if (scanner.peekIs(':')) {
                    throw scanner.unexpected("no value: " + operator.text() + " takes none");
                }
                return List.of();
            case ONE:
                scanner.expect(':', "':' and a value");
                if (scanner.peekIs('(')) {
                    throw scanner.unexpected("one value (quote it to search for '(')");
                }
                return List.of(scanner.value("a value"));
            default:
                scanner.expect(':', "':' and a value or a list like (a,b)");
                return scanner.peekIs('(') ? list(operator) : List.of(scanner.value("a value or a list like (a,b)"));
        }
    }

    private List<String> list(Operator operator) {
        scanner.expect('(', "'('");
        List<String> values = new ArrayList<>();
        do {
            int position = scanner.position();
            if (values.size() == Limits.MAX_LIST_VALUES) {
                throw CrmException.invalid("too many values for " + operator.text() + " at position " + position
                        + " in filter: at most " + Limits.MAX_LIST_VALUES);
            }
            values.add(scanner.value("a value"));
        } while (scanner.tryConsume(','));
        scanner.expect(')', "',' or ')'");
        return values;
    }
}
