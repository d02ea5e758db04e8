package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryCompilerTest {

    private static final UUID ID = UUID.fromString("0190c5a4-7b3e-7c1d-9a2b-3c4d5e6f7a8b");
    private final QueryCompiler compiler = new QueryCompiler(Fixtures.OPPORTUNITY);

    private QueryParts where(String filter) {
        return compiler.parts(filter, null, false);
    }

    private void assertInvalid(String filter, String message) {
        assertThatThrownBy(() -> where(filter))
                .isInstanceOf(CrmException.class)
                .hasMessage(message)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    @Test
    void compilesAndOfConditionsToBoundParameters() {
        QueryParts parts = where("and(stage[eq]:PROPOSAL,amount[gte]:100000)");
        assertThat(parts.from()).isEqualTo("opportunity o");
        assertThat(parts.where()).isEqualTo("(o.deleted_at is null and (o.stage = ? and o.amount >= ?))");
        assertThat(parts.parameters()).containsExactly("PROPOSAL", 100000L);
        assertThat(parts.orderBy()).isEqualTo("o.id asc nulls last");
    }

    @Test
    void convertsValuesToTheFieldsJavaType() {
        assertThat(where("probability[lt]:12.50").parameters()).containsExactly(new BigDecimal("12.50"));
        assertThat(where("closeDate[lte]:2024-02-29").parameters()).containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(where("createdAt[gt]:2024-05-01T10:00:00+02:00").parameters())
                .containsExactly(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"));
        assertThat(where("won[eq]:TRUE").parameters()).containsExactly(true);
        assertThat(where("companyId[eq]:" + ID).parameters()).containsExactly(ID);
        assertThat(where("custom.seats[in]:(1,2)").parameters()).containsExactly(1L, 2L);
    }

    @Test
    void compilesEveryScalarOperator() {
        assertThat(where("name[neq]:a").where()).endsWith("(o.name is null or o.name <> ?))");
        assertThat(where("stage[in]:(NEW,LOST)").where()).endsWith("o.stage in (?, ?))");
        assertThat(where("stage[nin]:(NEW,LOST)").where()).endsWith("(o.stage is null or o.stage not in (?, ?)))");
        assertThat(where("closeDate[isNull]").where()).endsWith("o.close_date is null)");
        assertThat(where("closeDate[isNotNull]").where()).endsWith("o.close_date is not null)");
    }

    @Test
    void containsIsCaseInsensitiveWithLikeWildcardsEscaped() {
        QueryParts parts = where("name[contains]:\"50%_off\\\\\"");
        assertThat(parts.where()).endsWith("o.name ilike ?)");
        assertThat(parts.parameters()).containsExactly("%50\\%\\_off\\\\%");
        assertThat(where("name[startsWith]:Ac").parameters()).containsExactly("Ac%");
    }

    @Test
    void arrayOperatorsUseMembership() {
        String tags = "(case when jsonb_typeof(o.custom->'tags') = 'array' then array(select"
                + " jsonb_array_elements_text(o.custom->'tags')) end)";
        assertThat(where("custom.tags[eq]:red").where()).endsWith(tags + " @> array[?]::text[])");
        assertThat(where("custom.tags[contains]:red").where()).endsWith(tags + " @> array[?]::text[])");
        assertThat(where("custom.tags[in]:(red,blue)").where()).endsWith(tags + " && array[?, ?]::text[])");
        assertThat(where("custom.tags[isNull]").where())
                .endsWith("(" + tags + " is null or cardinality(" + tags + ") = 0))");
    }

    @Test
    void customFieldsCompileToTypedJsonbExtraction() {
        assertThat(where("custom.score[gt]:5").where()).endsWith("((o.custom->>'score')::numeric) > ?)");
        assertThat(where("custom.tier[eq]:gold").where()).endsWith("(o.custom->>'tier') = ?)");
        assertThat(where("custom.renewal[lt]:2025-01-01").where()).endsWith("((o.custom->>'renewal')::date) < ?)");
    }

    @Test
    void notIsTwoValued() {
        assertThat(where("not(amount[gt]:5)").where()).endsWith("((o.amount > ?) is not true))");
    }

    @Test
    void orAndNotNestAsWritten() {
        QueryParts parts = where("or(and(stage[eq]:NEW,amount[lt]:10),not(won[eq]:true))");
        assertThat(parts.where())
                .isEqualTo("(o.deleted_at is null and ((o.stage = ? and o.amount < ?) or ((o.won = ?) is not true)))");
        assertThat(parts.parameters()).containsExactly("NEW", 10L, true);
    }

    @Test
    void relationPathJoinsTheTargetOnceAndHidesItsSoftDeletedRows() {
        QueryParts parts = compiler.parts("company.name[startsWith]:Ac", "company.name[desc]", false);
        assertThat(parts.from())
                .isEqualTo("opportunity o left join company c on (o.company_id = c.id and c.deleted_at is null)");
        assertThat(parts.where()).isEqualTo("(o.deleted_at is null and c.name ilike ?)");
        assertThat(parts.orderBy()).isEqualTo("c.name desc nulls first, o.id desc nulls first");
    }

    @Test
    void includeDeletedDropsTheSoftDeleteCondition() {
        assertThat(compiler.parts(null, null, true).where()).isEqualTo("true");
        assertThat(compiler.parts("won[eq]:true", null, true).where()).isEqualTo("o.won = ?");
    }

    @Test
    void orderAppendsIdInTheDirectionOfTheLastKey() {
        assertThat(compiler.parts(null, "amount[desc],closeDate[asc,nullsFirst]", false)
                        .orderBy())
                .isEqualTo("o.amount desc nulls first, o.close_date asc nulls first, o.id asc nulls last");
        assertThat(compiler.parts(null, "amount[desc]", false).orderBy())
                .isEqualTo("o.amount desc nulls first, o.id desc nulls first");
        assertThat(compiler.parts(null, "id[desc]", false).orderBy()).isEqualTo("o.id desc nulls first");
    }

    @Test
    void countUsesTheSameConditionWithoutOrder() {
        CompiledQuery count = compiler.count("stage[eq]:NEW", false);
        assertThat(count.sql())
                .isEqualTo("select count(*) from opportunity o where (o.deleted_at is null and o.stage = ?)");
        assertThat(count.parameters()).containsExactly("NEW");
    }

    @Test
    void exportSelectHasNoLimit() {
        CompiledQuery select = compiler.parts("stage[eq]:NEW", "name", false).select("o.id, o.name");
        assertThat(select.sql())
                .isEqualTo(
                        "select o.id, o.name from opportunity o where (o.deleted_at is null and o.stage = ?) order by"
                                + " o.name asc nulls last, o.id asc nulls last");
    }

    @Test
    void firstPageFetchesOneRowMoreThanTheLimitAndSelectsSortKeys() {
        CompiledPage page = compiler.page(new PageRequest("stage[eq]:NEW", "amount[desc]", null, 20));
        assertThat(page.sql())
                .isEqualTo("select o.*, o.amount as _sort0, o.id as _sort1 from opportunity o where (o.deleted_at is"
                        + " null and o.stage = ?) order by o.amount desc nulls first, o.id desc nulls first limit ?");
        assertThat(page.parameters()).containsExactly("NEW", 21);
        assertThat(page.sortKeyColumns()).containsExactly("_sort0", "_sort1");
        assertThat(page.limit()).isEqualTo(20);
    }

    @Test
    void limitDefaultsToFiftyAndRejectsOutOfRange() {
        assertThat(compiler.page(new PageRequest(null, null, null, null)).limit())
                .isEqualTo(50);
        assertThat(compiler.page(new PageRequest(null, null, null, 200)).limit())
                .isEqualTo(200);
        for (int bad : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> compiler.page(new PageRequest(null, null, null, bad)))
                    .isInstanceOf(CrmException.class)
                    .hasMessage("limit must be between 1 and 200, got " + bad);
        }
    }

    @Test
    void reportsUnknownField() {
        assertInvalid("nme[eq]:x", "unknown field 'nme' on opportunity at position 1 in filter");
        assertInvalid(
                "and(won[eq]:true,custom.nope[eq]:x)",
                "unknown field 'custom.nope' on opportunity at position 18" + " in filter");
        assertInvalid(
                "company.nope[eq]:x",
                "unknown field 'nope' on company (in 'company.nope') at position 1 in" + " filter");
        assertInvalid(
                "company.company.name[eq]:x",
                "unknown field 'company.name' on company (in" + " 'company.company.name') at position 1 in filter");
    }

    @Test
    void reportsOperatorNotAllowedForType() {
        assertInvalid(
                "amount[contains]:5",
                "operator 'contains' is not allowed on field 'amount' of type CURRENCY (at"
                        + " position 1 in filter); allowed: eq, neq, gt, gte, lt, lte, in, nin, isNull, isNotNull");
        assertInvalid(
                "won[gt]:true",
                "operator 'gt' is not allowed on field 'won' of type BOOLEAN (at position 1 in"
                        + " filter); allowed: eq, neq, isNull, isNotNull");
        assertInvalid(
                "custom.tags[startsWith]:r",
                "operator 'startsWith' is not allowed on field 'custom.tags' of type"
                        + " MULTI_SELECT (at position 1 in filter); allowed: eq, neq, in, nin, contains, isNull, isNotNull");
    }

    @Test
    void reportsTypeMismatchNamingFieldOperatorAndValue() {
        assertInvalid(
                "amount[gte]:abc",
                "invalid value 'abc' for amount[gte] at position 1 in filter: expected an amount"
                        + " in minor units, a whole number such as 100000");
        assertInvalid(
                "amount[gte]:10.5",
                "invalid value '10.5' for amount[gte] at position 1 in filter: expected an"
                        + " amount in minor units, a whole number such as 100000");
        assertInvalid(
                "closeDate[eq]:2024-02-30",
                "invalid value '2024-02-30' for closeDate[eq] at position 1 in"
                        + " filter: expected a date as YYYY-MM-DD");
        assertInvalid(
                "probability[gt]:1e5",
                "invalid value '1e5' for probability[gt] at position 1 in filter:" + " expected a number such as 12.5");
        assertInvalid("won[eq]:yes", "invalid value 'yes' for won[eq] at position 1 in filter: expected true or false");
        assertInvalid(
                "companyId[eq]:1-1-1-1-1",
                "invalid value '1-1-1-1-1' for companyId[eq] at position 1 in filter:"
                        + " expected a UUID such as 0190c5a4-7b3e-7c1d-9a2b-3c4d5e6f7a8b");
        assertInvalid(
                "createdAt[gt]:2024-05-01",
                "invalid value '2024-05-01' for createdAt[gt] at position 1 in"
                        + " filter: expected a date-time with offset (ISO 8601) such as 2024-05-01T10:00:00Z");
        assertInvalid(
                "custom.seats[in]:(1,x)",
                "invalid value 'x' for custom.seats[in] at position 1 in filter:" + " expected a whole number");
    }

    @Test
    void rejectsValuesOutsideSelectOptions() {
        assertInvalid(
                "stage[eq]:WON",
                "'WON' is not an option of field 'stage' (at position 1 in filter); options:"
                        + " CUSTOMER, LOST, MEETING, NEW, PROPOSAL, SCREENING");
        assertInvalid(
                "custom.tags[in]:(red,pink)",
                "'pink' is not an option of field 'custom.tags' (at position 1 in"
                        + " filter); options: amber, blue, green, red");
    }

    @Test
    void rejectsNulCharactersInText() {
        assertInvalid(
                "name[eq]:a\u0000b",
                "invalid value 'a\u0000b' for name[eq] at position 1 in filter: expected"
                        + " text without NUL characters");
    }

    @Test
    void rejectsFieldsNotAllowedForFilterOrSort() {
        assertInvalid("rank[eq]:1", "field 'rank' cannot be filtered (at position 1 in filter)");
        assertThatThrownBy(() -> compiler.parts(null, "name,secret", false))
                .hasMessage("field 'secret' of type TEXT cannot be sorted (at position 6 in order)");
        assertThatThrownBy(() -> compiler.parts(null, "custom.tags", false))
                .hasMessage("field 'custom.tags' of type MULTI_SELECT cannot be sorted (at position 1 in order)");
        assertThatThrownBy(() -> compiler.parts(null, "nope[desc]", false))
                .hasMessage("unknown field 'nope' on opportunity at position 1 in order");
    }

    @Test
    void cursorPageUsesRowValueComparisonWhenDirectionsMatch() {
        String cursor = Cursor.encode("opportunity|amount:desc:nullsFirst,id:desc:nullsFirst", List.of(500L, ID));
        CompiledPage page = compiler.page(new PageRequest("stage[eq]:NEW", "amount[desc]", cursor, 10));
        assertThat(page.sql()).contains("where (o.deleted_at is null and o.stage = ? and (o.amount, o.id) < (?, ?))");
        assertThat(page.parameters()).containsExactly("NEW", 500L, ID, 11);
    }

    @Test
    void cursorPageUsesExpandedFormWithLeadingBoundForMixedDirections() {
        String signature = "opportunity|amount:desc:nullsFirst,name:asc:nullsLast,id:asc:nullsLast";
        String cursor = Cursor.encode(signature, List.of(500L, "acme", ID));
        CompiledPage page = compiler.page(new PageRequest(null, "amount[desc],name[asc]", cursor, 10));
        assertThat(page.sql())
                .contains("where (o.deleted_at is null and (o.amount <= ? and (o.amount < ? or (o.amount = ? and"
                        + " (o.name > ? or (o.name = ? and o.id > ?))))))");
        assertThat(page.parameters()).containsExactly(500L, 500L, 500L, "acme", "acme", ID, 11);
    }

    @Test
    void cursorInNonNullRegionOfNullsLastKeyAddsTheNullBlockAsSecondBranch() {
        String cursor = Cursor.encode(
                "opportunity|closeDate:asc:nullsLast,id:asc:nullsLast", List.of(LocalDate.of(2024, 3, 1), ID));
        CompiledPage page = compiler.page(new PageRequest(null, "closeDate", cursor, 10));
        assertThat(page.sql())
                .isEqualTo("select * from ((select o.*, o.close_date as _sort0, o.id as _sort1 from opportunity o where"
                        + " (o.deleted_at is null and (o.close_date, o.id) > (?, ?)) order by o.close_date asc nulls"
                        + " last, o.id asc nulls last limit ?) union all"
                        + " (select o.*, o.close_date as _sort0, o.id as _sort1 from opportunity o where"
                        + " (o.deleted_at is null and o.close_date is null) order by o.close_date asc nulls last, o.id"
                        + " asc nulls last limit ?)) as page order by _sort0 asc nulls last, _sort1 asc nulls last"
                        + " limit ?");
        LocalDate date = LocalDate.of(2024, 3, 1);
        assertThat(page.parameters()).containsExactly(date, ID, 11, 11, 11);
    }

    @Test
    void cursorWithoutNullsOnNullableAscendingKeysUsesRowValueAndOneNullBlockBranchPerNullableKey() {
        String signature =
                "opportunity|stage:asc:nullsLast,closeDate:asc:nullsLast,name:asc:nullsLast,id:asc:nullsLast";
        LocalDate date = LocalDate.of(2024, 3, 1);
        String cursor = Cursor.encode(signature, List.of("NEW", date, "acme", ID));
        CompiledPage page = compiler.page(new PageRequest(null, "stage,closeDate,name", cursor, 10));
        String order = " order by o.stage asc nulls last, o.close_date asc nulls last, o.name asc nulls last,"
                + " o.id asc nulls last limit ?)";
        assertThat(page.sql())
                .contains("(o.deleted_at is null and (o.stage, o.close_date, o.name, o.id) > (?, ?, ?, ?))" + order
                        + " union all (")
                .contains("(o.deleted_at is null and o.stage is null)" + order + " union all (")
                .contains("(o.deleted_at is null and (o.stage = ? and o.close_date is null))" + order + ") as page")
                .doesNotContain("o.name is null");
        assertThat(page.parameters()).containsExactly("NEW", date, "acme", ID, 11, 11, "NEW", 11, 11);
    }

    @Test
    void cursorWithoutNullsOnNullableDescendingKeysNeedsNoNullBlockBranch() {
        String signature = "opportunity|stage:desc:nullsFirst,closeDate:desc:nullsFirst,id:desc:nullsFirst";
        LocalDate date = LocalDate.of(2024, 3, 1);
        String cursor = Cursor.encode(signature, List.of("NEW", date, ID));
        CompiledPage page = compiler.page(new PageRequest(null, "stage[desc],closeDate[desc]", cursor, 10));
        assertThat(page.sql())
                .contains("where (o.deleted_at is null and (o.stage, o.close_date, o.id) < (?, ?, ?))")
                .doesNotContain("union all");
        assertThat(page.parameters()).containsExactly("NEW", date, ID, 11);
    }

    @Test
    void cursorWithANullKeepsTheExpandedForm() {
        String signature = "opportunity|stage:asc:nullsLast,closeDate:asc:nullsLast,id:asc:nullsLast";
        String cursor = Cursor.encode(signature, Arrays.asList("NEW", null, ID));
        CompiledPage page = compiler.page(new PageRequest(null, "stage,closeDate", cursor, 10));
        assertThat(page.sql()).doesNotContain(") > (");
    }

    @Test
    void cursorInsideNullBlockSeeksByIsNull() {
        String cursor = Cursor.encode("opportunity|closeDate:asc:nullsLast,id:asc:nullsLast", Arrays.asList(null, ID));
        CompiledPage page = compiler.page(new PageRequest(null, "closeDate", cursor, 10));
        assertThat(page.sql()).contains("where (o.deleted_at is null and (o.close_date is null and o.id > ?))");
    }

    @Test
    void rejectsCursorMadeForAnotherOrder() {
        String cursor = Cursor.encode("opportunity|amount:desc:nullsFirst,id:desc:nullsFirst", List.of(500L, ID));
        assertThatThrownBy(() -> compiler.page(new PageRequest(null, "amount[asc]", cursor, 10)))
                .isInstanceOf(CrmException.class)
                .hasMessage("cursor was made for a different order; request the first page again");
    }

    @Test
    void rejectsTamperedCursors() {
        String signature = "opportunity|amount:desc:nullsFirst,id:desc:nullsFirst";
        List<String> tampered = List.of(
                "not base64!",
                "eyJvIjo",
                Cursor.encode(signature, List.of(500L)),
                Cursor.encode(signature, List.of("'; drop table company; --", ID)),
                Cursor.encode(signature, Arrays.asList(500L, null)),
                base64("[1,2]"),
                base64("{\"o\":\"" + signature + "\",\"k\":[1,2]}"),
                "a".repeat(5000));
        for (String cursor : tampered) {
            assertThatThrownBy(() -> compiler.page(new PageRequest(null, "amount[desc]", cursor, 10)))
                    .as(cursor)
                    .isInstanceOf(CrmException.class)
                    .extracting(e -> ((CrmException) e).category())
                    .isEqualTo(ErrorCategory.INVALID);
        }
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void compileErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmException value = (CrmException) org.assertj.core.api.Assertions.catchThrowable(() -> where("won[eq]:yes"));
        assertThat(value.getMessage())
                .isEqualTo("invalid value 'yes' for won[eq] at position 1 in filter: expected true or false");
        assertThat(messages.describe(value, Messages.RUSSIAN))
                .isEqualTo("недопустимое значение «yes» для won[eq] (позиция 1 в параметре filter): ожидается true или"
                        + " false");
        CrmException field = (CrmException) org.assertj.core.api.Assertions.catchThrowable(() -> where("nme[eq]:x"));
        assertThat(messages.describe(field, Messages.RUSSIAN))
                .isEqualTo("неизвестное поле «nme» объекта opportunity (позиция 1 в параметре filter)");
        CrmException cursor = (CrmException) org.assertj.core.api.Assertions.catchThrowable(
                () -> compiler.page(new PageRequest(null, "amount[desc]", "not base64!", 10)));
        assertThat(cursor.getMessage()).isEqualTo("invalid cursor: use the nextCursor of a previous page unchanged");
        assertThat(messages.describe(cursor, Messages.RUSSIAN))
                .isEqualTo("недействительный курсор: передайте nextCursor предыдущей страницы без изменений");
        CrmException limit = (CrmException) org.assertj.core.api.Assertions.catchThrowable(
                () -> compiler.page(new PageRequest(null, null, null, 1000)));
        assertThat(limit.getMessage()).isEqualTo("limit must be between 1 and 200, got 1000");
        assertThat(messages.describe(limit, Messages.RUSSIAN))
                .isEqualTo("параметр limit должен быть от 1 до 200; получено 1000");
    }
}
