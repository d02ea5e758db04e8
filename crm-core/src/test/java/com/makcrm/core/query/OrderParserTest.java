package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderParserTest {

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> OrderParser.parse(text))
                .isInstanceOf(CrmException.class)
                .hasMessage(message);
    }

    @Test
    void parsesDirectionsAndDefaults() {
        assertThat(OrderParser.parse("amount[desc],name[asc],closeDate"))
                .containsExactly(
                        new SortSpec("amount", true, null, 1),
                        new SortSpec("name", false, null, 14),
                        new SortSpec("closeDate", false, null, 24));
    }

    @Test
    void parsesNullsPlacementInAnyOrder() {
        assertThat(OrderParser.parse("closeDate[asc,nullsLast], company.name[nullsFirst,desc]"))
                .containsExactly(
                        new SortSpec("closeDate", false, false, 1), new SortSpec("company.name", true, true, 27));
    }

    @Test
    void defaultNullsPlacementIsPostgresDefault() {
        assertThat(new SortSpec("a", false, null, 1).effectiveNullsFirst()).isFalse();
        assertThat(new SortSpec("a", true, null, 1).effectiveNullsFirst()).isTrue();
    }

    @Test
    void blankOrderIsEmpty() {
        assertThat(OrderParser.parse(" ")).isEqualTo(List.of());
    }

    @Test
    void rejectsUnknownOption() {
        assertInvalid(
                "name[descending]",
                "unknown sort option 'descending' at position 6 in order, expected asc, desc, nullsFirst or nullsLast");
    }

    @Test
    void rejectsConflictingOptions() {
        assertInvalid(
                "name[asc,desc]",
                "conflicting sort option 'desc' at position 10 in order: give one direction and at most one nulls"
                        + " placement");
    }

    @Test
    void rejectsFieldSortedTwice() {
        assertInvalid("name,amount,name[desc]", "field 'name' is sorted twice, again at position 13 in order");
    }

    @Test
    void rejectsHostileSortKeys() {
        assertInvalid(
                "name;drop table company",
                "unexpected ';drop' at position 5 in order, expected ',' or the end" + " of the order");
        assertInvalid("name desc", "unexpected 'desc' at position 6 in order, expected ',' or the end of the order");
        assertInvalid("(select 1)", "unexpected '(' at position 1 in order, expected a field name");
        assertInvalid("name[desc;drop]", "unexpected ';drop' at position 10 in order, expected ',' or ']'");
    }

    @Test
    void limitsKeyCount() {
        assertInvalid("a,b,c,d,e,f", "order has more than 5 keys; 'f' at position 11 is one too many");
    }

    @Test
    void orderErrorsReadInRussian() {
        CrmException e = (CrmException)
                org.assertj.core.api.Assertions.catchThrowable(() -> OrderParser.parse("name[asc,desc]"));
        assertThat(e.getMessage())
                .isEqualTo("conflicting sort option 'desc' at position 10 in order: give one direction and at most one"
                        + " nulls placement");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("противоречивая опция сортировки «desc» (позиция 10 в параметре order): укажите одно"
                        + " направление и не более одного положения пустых значений");
    }
}
