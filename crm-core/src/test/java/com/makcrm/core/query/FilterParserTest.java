package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.query.FilterNode.And;
import com.makcrm.core.query.FilterNode.Condition;
import com.makcrm.core.query.FilterNode.Not;
import com.makcrm.core.query.FilterNode.Or;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static FilterNode parse(String text) {
        return FilterParser.parse(text).orElseThrow();
    }

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> FilterParser.parse(text))
                .isInstanceOf(CrmException.class)
                .hasMessage(message)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    @Test
    void blankFilterMatchesEverything() {
        assertThat(FilterParser.parse(null)).isEmpty();
        assertThat(FilterParser.parse("  ")).isEmpty();
    }

    @Test
    void parsesSingleCondition() {
        assertThat(parse("name[contains]:acme"))
                .isEqualTo(new Condition("name", Operator.CONTAINS, List.of("acme"), 1));
    }

    @Test
    void parsesAndOfConditionsWithPositions() {
        assertThat(parse("and(stage[eq]:PROPOSAL,amount[gte]:100000)"))
                .isEqualTo(new And(List.of(
                        new Condition("stage", Operator.EQ, List.of("PROPOSAL"), 5),
                        new Condition("amount", Operator.GTE, List.of("100000"), 24))));
    }

    @Test
    void nestsGroupsAsWritten() {
        FilterNode node = parse("or(and(a[eq]:1,b[eq]:2),not(c[isNull]))");
        assertThat(node).isInstanceOf(Or.class);
        Or or = (Or) node;
        assertThat(or.children().get(0)).isInstanceOf(And.class);
        assertThat(or.children().get(1)).isEqualTo(new Not(new Condition("c", Operator.IS_NULL, List.of(), 29)));
    }

    @Test
    void ignoresWhitespaceBetweenTokens() {
        assertThat(parse(" and( a[eq]: 1 , b[isNotNull] ) "))
                .isEqualTo(new And(List.of(
                        new Condition("a", Operator.EQ, List.of("1"), 7),
                        new Condition("b", Operator.IS_NOT_NULL, List.of(), 18))));
    }

    @Test
    void readsInListAndSingleValueIn() {
        assertThat(parse("stage[in]:(NEW, MEETING,\"A,B\")"))
                .isEqualTo(new Condition("stage", Operator.IN, List.of("NEW", "MEETING", "A,B"), 1));
        assertThat(parse("stage[nin]:NEW")).isEqualTo(new Condition("stage", Operator.NIN, List.of("NEW"), 1));
    }

    @Test
    void quotedValuesKeepDelimitersSpacesAndEscapes() {
        assertThat(parse("name[eq]:\"Smith, John (\\\"JJ\\\") \\\\ x\""))
                .isEqualTo(new Condition("name", Operator.EQ, List.of("Smith, John (\"JJ\") \\ x"), 1));
        assertThat(parse("name[eq]:\"\"")).isEqualTo(new Condition("name", Operator.EQ, List.of(""), 1));
    }

    @Test
    void bareValuesMayContainColonsDotsAndQuotes() {
        assertThat(parse("at[gte]:2024-05-01T10:00:00+02:00"))
                .isEqualTo(new Condition("at", Operator.GTE, List.of("2024-05-01T10:00:00+02:00"), 1));
        assertThat(parse("name[eq]:O'Brien;x")).isEqualTo(new Condition("name", Operator.EQ, List.of("O'Brien;x"), 1));
    }

    @Test
    void readsRelationAndCustomPaths() {
        assertThat(parse("company.name[startsWith]:Ac"))
                .isEqualTo(new Condition("company.name", Operator.STARTS_WITH, List.of("Ac"), 1));
        assertThat(parse("company.custom.segment[eq]:smb"))
                .isEqualTo(new Condition("company.custom.segment", Operator.EQ, List.of("smb"), 1));
    }

    @Test
    void reportsUnexpectedClosingParenthesisWithPosition() {
        assertInvalid(
                "and(name[eq]:a,)",
                "unexpected ')' at position 16 in filter, expected a condition such as name[eq]:value, or and(, or(,"
                        + " not(");
    }

    @Test
    void reportsTrailingInput() {
        assertInvalid("name[eq]:a)", "unexpected ')' at position 11 in filter, expected the end of the filter");
        assertInvalid("and(name[eq]:a b[eq]:c)", "unexpected 'b' at position 16 in filter, expected ',' or ')'");
    }

    @Test
    void reportsUnexpectedEnd() {
        assertInvalid("and(name[eq]:a", "unexpected end of filter at position 15, expected ',' or ')'");
        assertInvalid("name[eq]:", "unexpected end of filter at position 10, expected a value");
    }

    @Test
    void reportsHostileFieldNameAsSyntaxError() {
        assertInvalid(
                "name;drop[eq]:x",
                "unexpected ';drop' at position 5 in filter, expected '[' and an operator," + " as in name[eq]:value");
        assertInvalid(
                "\"name\"[eq]:x",
                "unexpected '\"' at position 1 in filter, expected a condition such as name[eq]:value, or and(, or(,"
                        + " not(");
    }

    @Test
    void reportsUnknownOperatorWithPosition() {
        assertInvalid(
                "name[like]:x",
                "unknown operator 'like' at position 6 in filter, expected one of eq, neq, gt,"
                        + " gte, lt, lte, in, nin, contains, startsWith, isNull, isNotNull");
    }

    @Test
    void reportsUnknownCombinator() {
        assertInvalid("xor(a[eq]:1)", "unknown combinator 'xor' at position 1 in filter, expected and, or or not");
    }

    @Test
    void notTakesExactlyOneCondition() {
        assertInvalid(
                "not(a[eq]:1,b[eq]:2)",
                "unexpected ',' at position 12 in filter, expected ')' (not takes exactly one condition)");
    }

    @Test
    void emptyGroupIsAnError() {
        assertInvalid(
                "and()",
                "unexpected ')' at position 5 in filter, expected a condition such as name[eq]:value, or and(, or(,"
                        + " not(");
    }

    @Test
    void nullOperatorsTakeNoValue() {
        assertInvalid(
                "closeDate[isNull]:x",
                "unexpected ':' at position 18 in filter, expected no value: isNull" + " takes none");
    }

    @Test
    void singleValueOperatorsRejectLists() {
        assertInvalid(
                "name[eq]:(a,b)",
                "unexpected '(' at position 10 in filter, expected one value (quote it to" + " search for '(')");
    }

    @Test
    void reportsMissingValue() {
        assertInvalid("name[eq]", "unexpected end of filter at position 9, expected ':' and a value");
        assertInvalid("and(name[eq]:,b[isNull])", "unexpected ',' at position 14 in filter, expected a value");
    }

    @Test
    void reportsUnterminatedQuoteAndBadEscape() {
        assertInvalid("name[eq]:\"abc", "unterminated quoted value starting at position 10 in filter");
        assertInvalid(
                "name[eq]:\"a\\nb\"", "invalid escape '\\n' at position 12 in filter, only \\\" and \\\\ are allowed");
    }

    @Test
    void reportsDanglingDotInPath() {
        assertInvalid("company.[eq]:x", "unexpected '[' at position 9 in filter, expected a name after '.'");
    }

    @Test
    void limitsFilterLength() {
        String longValue = "x".repeat(Limits.MAX_FILTER_LENGTH);
        assertInvalid("name[eq]:" + longValue, "filter is too long: 8009 characters, at most 8000");
    }

    @Test
    void limitsNestingDepth() {
        String deep = "not(".repeat(10) + "a[isNull]" + ")".repeat(10);
        assertThat(FilterParser.parse(deep)).isPresent();
        String tooDeep = "not(".repeat(11) + "a[isNull]" + ")".repeat(11);
        assertInvalid(tooDeep, "filter nests deeper than 10 levels at position 41");
    }

    @Test
    void limitsListSize() {
        String values = String.join(",", java.util.Collections.nCopies(201, "v"));
        assertInvalid("stage[in]:(" + values + ")", "too many values for in at position 412 in filter: at most 200");
    }

    @Test
    void limitsConditionCount() {
        String many = "and(" + String.join(",", java.util.Collections.nCopies(101, "a[isNull]")) + ")";
        assertInvalid(many, "filter has more than 100 conditions; the one at position 1005 is one too many");
    }

    private static String russian(String filter) {
        CrmException e =
                (CrmException) org.assertj.core.api.Assertions.catchThrowable(() -> FilterParser.parse(filter));
        return Messages.fromClasspath().describe(e, Messages.RUSSIAN);
    }

    @Test
    void syntaxErrorsReadInRussianKeepingTheSyntaxUntranslated() {
        assertInvalid("and(name[eq]:a b[eq]:c)", "unexpected 'b' at position 16 in filter, expected ',' or ')'");
        assertThat(russian("and(name[eq]:a b[eq]:c)"))
                .isEqualTo("неожиданный фрагмент «b» (позиция 16 в параметре filter); ожидается «,» или «)»");
        assertThat(russian("name"))
                .isEqualTo("неожиданный конец параметра filter (позиция 5); ожидается «[» и оператор, например"
                        + " name[eq]:value");
        assertThat(russian("name[isNull]:x"))
                .isEqualTo("неожиданный фрагмент «:» (позиция 13 в параметре filter); ожидается отсутствие значения:"
                        + " isNull не принимает значений");
        assertThat(russian("xor(a[eq]:1)"))
                .isEqualTo("неизвестный комбинатор «xor» (позиция 1 в параметре filter); ожидается and, or или not");
        assertInvalid(
                "name[eq]:\"a\\nb\"", "invalid escape '\\n' at position 12 in filter, only \\\" and \\\\ are allowed");
        assertThat(russian("name[eq]:\"a\\nb\""))
                .isEqualTo("недопустимая escape-последовательность «\\n» (позиция 12 в параметре filter); допустимы"
                        + " только \\\" и \\\\");
    }
}
