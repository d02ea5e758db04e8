package com.makcrm.core.query;

import static com.makcrm.core.query.JavaOrder.asc;
import static com.makcrm.core.query.JavaOrder.desc;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.query.JavaOrder.Key;
import com.makcrm.core.query.TestSchema.Company;
import com.makcrm.core.query.TestSchema.Opp;
import com.makcrm.core.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs compiled queries on real PostgreSQL and checks every result against a straightforward Java filter and
 * sort over the same rows.
 */
class QueryIntegrationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final TestSchema DATA = TestSchema.generate(42, 60, 500);
    private static final QueryCompiler COMPILER = new QueryCompiler(Fixtures.OPPORTUNITY);

    @BeforeAll
    static void createSchema() throws SQLException {
        DATA.create(db.dataSource());
    }

    // ---- filters ----

    static Stream<Arguments> filters() {
        UUID someCompany = DATA.companies.get(3).id;
        UUID otherCompany = DATA.companies.get(7).id;
        BigDecimal someProbability = DATA.opportunities.stream()
                .map(o -> o.probability)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        OffsetDateTime midCreated = OffsetDateTime.parse("2024-01-02T12:00:00Z");
        OffsetDateTime midContacted = OffsetDateTime.parse("2024-02-15T00:00:00+03:00");
        return Stream.of(
                // text
                filter("name[eq]:alpha07", o -> o.name.equals("alpha07")),
                filter("name[eq]:\"alpha07\"", o -> o.name.equals("alpha07")),
                filter("name[neq]:alpha07", o -> !o.name.equals("alpha07")),
                filter("name[gt]:delta", o -> o.name.compareTo("delta") > 0),
                filter("name[lte]:bravo10", o -> o.name.compareTo("bravo10") <= 0),
                filter(
                        "name[in]:(alpha01,echo05,golf29)",
                        o -> Set.of("alpha01", "echo05", "golf29").contains(o.name)),
                filter(
                        "name[nin]:(alpha01,echo05)",
                        o -> !Set.of("alpha01", "echo05").contains(o.name)),
                filter("name[contains]:LT", o -> o.name.contains("lt")),
                filter("name[startsWith]:Ch", o -> o.name.startsWith("ch")),
                // currency (minor units)
                filter("amount[eq]:50000", o -> eq(o.amount, 50_000L)),
                filter("amount[neq]:50000", o -> !eq(o.amount, 50_000L)),
                filter("amount[gt]:10000", o -> o.amount != null && o.amount > 10_000),
                filter("amount[gte]:10000", o -> o.amount != null && o.amount >= 10_000),
                filter("amount[lt]:10000", o -> o.amount != null && o.amount < 10_000),
                filter("amount[lte]:10000", o -> o.amount != null && o.amount <= 10_000),
                filter("amount[in]:(1000,1000000)", o -> in(o.amount, 1_000L, 1_000_000L)),
                filter("amount[nin]:(1000,1000000)", o -> !in(o.amount, 1_000L, 1_000_000L)),
                filter("amount[isNull]", o -> o.amount == null),
                filter("amount[isNotNull]", o -> o.amount != null),
                // number
                filter("probability[gt]:50.5", o -> cmp(o.probability, new BigDecimal("50.5"), r -> r > 0)),
                filter("probability[lte]:12.34", o -> cmp(o.probability, new BigDecimal("12.34"), r -> r <= 0)),
                filter(
                        "probability[eq]:" + someProbability.toPlainString(),
                        o -> cmp(o.probability, someProbability, r -> r == 0)),
                filter("probability[isNull]", o -> o.probability == null),
                // date
                filter("closeDate[gte]:2024-02-01", o -> date(o.closeDate, d -> !d.isBefore(LocalDate.of(2024, 2, 1)))),
                filter("closeDate[lt]:2024-02-01", o -> date(o.closeDate, d -> d.isBefore(LocalDate.of(2024, 2, 1)))),
                filter(
                        "closeDate[eq]:2024-01-15",
                        o -> LocalDate.of(2024, 1, 15).equals(o.closeDate)),
                filter(
                        "closeDate[neq]:2024-01-15",
                        o -> !LocalDate.of(2024, 1, 15).equals(o.closeDate)),
                filter(
                        "closeDate[in]:(2024-01-15,2024-03-01)",
                        o -> in(o.closeDate, LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 1))),
                filter("closeDate[isNull]", o -> o.closeDate == null),
                // select
                filter("stage[eq]:PROPOSAL", o -> "PROPOSAL".equals(o.stage)),
                filter("stage[neq]:PROPOSAL", o -> !"PROPOSAL".equals(o.stage)),
                filter("stage[in]:(NEW,MEETING)", o -> in(o.stage, "NEW", "MEETING")),
                filter("stage[nin]:(NEW,MEETING)", o -> !in(o.stage, "NEW", "MEETING")),
                filter("stage[isNull]", o -> o.stage == null),
                filter("stage[isNotNull]", o -> o.stage != null),
                // boolean
                filter("won[eq]:true", o -> Boolean.TRUE.equals(o.won)),
                filter("won[eq]:false", o -> Boolean.FALSE.equals(o.won)),
                filter("won[neq]:true", o -> !Boolean.TRUE.equals(o.won)),
                filter("won[isNull]", o -> o.won == null),
                // uuid
                filter("companyId[eq]:" + someCompany, o -> someCompany.equals(o.companyId())),
                filter(
                        "companyId[in]:(" + someCompany + "," + otherCompany + ")",
                        o -> in(o.companyId(), someCompany, otherCompany)),
                filter("companyId[nin]:(" + someCompany + ")", o -> !someCompany.equals(o.companyId())),
                filter("companyId[isNull]", o -> o.companyId() == null),
                // datetime
                filter("createdAt[gt]:" + midCreated, o -> o.createdAt.isAfter(midCreated)),
                filter("createdAt[lte]:" + midCreated, o -> !o.createdAt.isAfter(midCreated)),
                // custom fields
                filter("custom.tier[eq]:gold", o -> "gold".equals(o.tier)),
                filter("custom.tier[nin]:(gold)", o -> !"gold".equals(o.tier)),
                filter("custom.tier[isNull]", o -> o.tier == null),
                filter("custom.score[gte]:10.5", o -> cmp(o.score, new BigDecimal("10.5"), r -> r >= 0)),
                filter("custom.seats[in]:(1,2,3)", o -> in(o.seats, 1L, 2L, 3L)),
                filter("custom.seats[lt]:5", o -> o.seats != null && o.seats < 5),
                filter("custom.signed[eq]:false", o -> Boolean.FALSE.equals(o.signed)),
                filter(
                        "custom.renewal[lte]:2025-01-20",
                        o -> date(o.renewal, d -> !d.isAfter(LocalDate.of(2025, 1, 20)))),
                filter(
                        "custom.contactedAt[gt]:" + midContacted,
                        o -> o.contactedAt != null && o.contactedAt.isAfter(midContacted)),
                filter("custom.tags[eq]:red", o -> has(o.tags, "red")),
                filter("custom.tags[contains]:blue", o -> has(o.tags, "blue")),
                filter("custom.tags[in]:(red,amber)", o -> has(o.tags, "red") || has(o.tags, "amber")),
                filter("custom.tags[nin]:(red)", o -> !has(o.tags, "red")),
                filter("custom.tags[neq]:green", o -> !has(o.tags, "green")),
                filter("custom.tags[isNull]", o -> o.tags == null || o.tags.isEmpty()),
                filter("custom.tags[isNotNull]", o -> o.tags != null && !o.tags.isEmpty()),
                // relation
                filter("company.name[eq]:acme", o -> company(o, c -> c.name.equals("acme"))),
                filter("company.name[startsWith]:ST", o -> company(o, c -> c.name.startsWith("st"))),
                filter("company.name[isNull]", o -> o.liveCompany() == null),
                filter("company.name[neq]:acme", o -> !company(o, c -> c.name.equals("acme"))),
                filter("company.employees[gte]:500", o -> company(o, c -> c.employees != null && c.employees >= 500)),
                filter("company.custom.segment[eq]:smb", o -> company(o, c -> "smb".equals(c.segment))),
                filter("company.phones[contains]:+15550003", o -> company(o, c -> has(c.phones, "+15550003"))),
                filter("company.phones[isNull]", o -> !company(o, c -> c.phones != null && !c.phones.isEmpty())),
                filter(
                        "company.domain[contains]:ACME",
                        o -> company(o, c -> c.domain != null && c.domain.contains("acme"))),
                // and / or / not
                filter(
                        "and(stage[eq]:PROPOSAL,amount[gte]:100000)",
                        o -> "PROPOSAL".equals(o.stage) && o.amount != null && o.amount >= 100_000),
                filter("or(stage[isNull],won[eq]:true)", o -> o.stage == null || Boolean.TRUE.equals(o.won)),
                filter("not(amount[gt]:10000)", o -> !(o.amount != null && o.amount > 10_000)),
                filter("not(company.name[eq]:acme)", o -> !company(o, c -> c.name.equals("acme"))),
                filter(
                        "not(or(stage[in]:(NEW,LOST),closeDate[isNull]))",
                        o -> !(in(o.stage, "NEW", "LOST") || o.closeDate == null)),
                filter(
                        "and(or(custom.tier[eq]:gold,custom.score[gt]:15),not(and(won[eq]:false,amount[lt]:50000)))",
                        o -> ("gold".equals(o.tier) || cmp(o.score, new BigDecimal("15"), r -> r > 0))
                                && !(Boolean.FALSE.equals(o.won) && o.amount != null && o.amount < 50_000)),
                filter("not(not(stage[eq]:NEW))", o -> "NEW".equals(o.stage)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filterReturnsExactlyTheRowsTheJavaFilterKeeps(String filter, Predicate<Opp> keep) throws SQLException {
        List<UUID> expected = sorted(DATA.visibleOpportunities().stream().filter(keep), JavaOrder.of(List.of()));
        assertThat(expected).as("the data exercises this filter").isNotEmpty();

        List<UUID> actual = ids(COMPILER.parts(filter, null, false).select("o.id"));

        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(count(COMPILER.count(filter, false))).isEqualTo(expected.size());
    }

    @Test
    void softDeletedRowsAppearOnlyWhenAsked() throws SQLException {
        assertThat(count(COMPILER.count(null, false)))
                .isEqualTo(DATA.visibleOpportunities().size());
        assertThat(count(COMPILER.count(null, true))).isEqualTo(DATA.opportunities.size());
        assertThat(DATA.visibleOpportunities().size()).isLessThan(DATA.opportunities.size());
    }

    @Test
    void likeWildcardsInValuesMatchLiterally() throws SQLException {
        List<UUID> none = ids(COMPILER.parts("or(name[contains]:%,name[contains]:_,name[startsWith]:a%)", null, false)
                .select("o.id"));
        assertThat(none).isEmpty();
    }

    // ---- sorting and paging ----

    static Stream<Arguments> orders() {
        return Stream.of(
                order("", List.of()),
                order("amount[desc],name[asc]", List.of(desc(o -> o.amount), asc(o -> o.name))),
                order("closeDate", List.of(asc(o -> o.closeDate))),
                order("closeDate[asc,nullsFirst]", List.of(asc(o -> o.closeDate).withNullsFirst())),
                order(
                        "closeDate[desc,nullsLast],name[desc]",
                        List.of(desc(o -> o.closeDate).withNullsLast(), desc(o -> o.name))),
                order(
                        "stage[desc],won[asc,nullsFirst],probability[desc,nullsLast]",
                        List.of(
                                desc(o -> o.stage),
                                asc(o -> o.won).withNullsFirst(),
                                desc(o -> o.probability).withNullsLast())),
                order("company.name,amount[desc]", List.of(asc(o -> companyName(o)), desc(o -> o.amount))),
                order(
                        "company.custom.segment[desc],company.employees[asc,nullsFirst]",
                        List.of(
                                desc(o -> o.liveCompany() == null ? null : o.liveCompany().segment),
                                asc(o -> o.liveCompany() == null ? null : o.liveCompany().employees)
                                        .withNullsFirst())),
                order("custom.score[desc]", List.of(desc(o -> o.score))),
                order(
                        "custom.tier[asc,nullsFirst],custom.renewal[desc]",
                        List.of(asc(o -> o.tier).withNullsFirst(), desc(o -> o.renewal))),
                order("custom.contactedAt", List.of(asc(o -> o.contactedAt))),
                order(
                        "custom.signed[desc,nullsLast],custom.seats",
                        List.of(desc(o -> o.signed).withNullsLast(), asc(o -> o.seats))),
                order("createdAt[desc]", List.of(desc(o -> o.createdAt))),
                order("won,name[desc]", List.of(asc(o -> o.won), desc(o -> o.name))),
                order(
                        "probability[asc,nullsFirst]",
                        List.of(asc(o -> o.probability).withNullsFirst())),
                // nullable keys in one direction, default nulls: row value plus null-block branches, with
                // nulls in later keys inside tie groups of earlier ones, across page boundaries
                order("stage,closeDate", List.of(asc(o -> o.stage), asc(o -> o.closeDate))),
                order("won,stage,amount", List.of(asc(o -> o.won), asc(o -> o.stage), asc(o -> o.amount))),
                order(
                        "stage[desc],won[desc],closeDate[desc]",
                        List.of(desc(o -> o.stage), desc(o -> o.won), desc(o -> o.closeDate))),
                order("won,name,custom.seats", List.of(asc(o -> o.won), asc(o -> o.name), asc(o -> o.seats))));
    }

    static Stream<Arguments> pagings() {
        List<String> filters = List.of("", "stage[in]:(NEW,PROPOSAL,LOST)", "or(amount[gte]:50000,closeDate[isNull])");
        List<Arguments> all = new ArrayList<>();
        orders().forEach(order -> filters.forEach(filter -> {
            for (int limit : new int[] {7, 50}) {
                all.add(Arguments.of(order.get()[0], filter, limit, order.get()[1]));
            }
        }));
        return all.stream();
    }

    @ParameterizedTest(name = "order={0} filter={1} limit={2}")
    @MethodSource("pagings")
    void pagingThroughAllRowsMatchesTheJavaSortWithoutGapsOrDuplicates(
            String order, String filter, int limit, Comparator<Opp> javaOrder) throws SQLException {
        List<UUID> expected = sorted(DATA.visibleOpportunities().stream().filter(matching(filter)), javaOrder);

        List<List<UUID>> pages = pages(new PageRequest(filter, order, null, limit));

        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(Math.max(1, (expected.size() + limit - 1) / limit));
        assertThat(pages.subList(0, pages.size() - 1))
                .allSatisfy(page -> assertThat(page).hasSize(limit));
    }

    @Test
    void pagesOfOneRowAndOfTheMaximumSizeCoverEverything() throws SQLException {
        Comparator<Opp> order = JavaOrder.of(List.of(asc(o -> o.closeDate), desc(o -> o.amount)));
        List<UUID> expected = sorted(DATA.visibleOpportunities().stream(), order);
        for (int limit : new int[] {1, 200}) {
            List<List<UUID>> pages = pages(new PageRequest(null, "closeDate,amount[desc]", null, limit));
            assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void emptyResultIsOneEmptyLastPage() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            Page<UUID> page = COMPILER.page(new PageRequest("name[eq]:nobody", "name", null, 10))
                    .fetch(connection, QueryIntegrationTest::id);
            assertThat(page.items()).isEmpty();
            assertThat(page.hasNextPage()).isFalse();
            assertThat(page.nextCursor()).isNull();
        }
    }

    // ---- helpers ----

    private static Arguments filter(String filter, Predicate<Opp> keep) {
        return Arguments.of(filter, keep);
    }

    private static Arguments order(String order, List<Key> keys) {
        return Arguments.of(order, JavaOrder.of(keys));
    }

    private static Predicate<Opp> matching(String filter) {
        return switch (filter) {
            case "" -> o -> true;
            case "stage[in]:(NEW,PROPOSAL,LOST)" -> o -> in(o.stage, "NEW", "PROPOSAL", "LOST");
            case "or(amount[gte]:50000,closeDate[isNull])" ->
                o -> (o.amount != null && o.amount >= 50_000) || o.closeDate == null;
            default -> throw new IllegalArgumentException(filter);
        };
    }

    private static List<List<UUID>> pages(PageRequest first) throws SQLException {
        List<List<UUID>> pages = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        try (Connection connection = db.dataSource().getConnection()) {
            PageRequest request = first;
            while (true) {
                Page<UUID> page = COMPILER.page(request).fetch(connection, QueryIntegrationTest::id);
                pages.add(page.items());
                if (!page.hasNextPage()) {
                    assertThat(page.nextCursor()).isNull();
                    return pages;
                }
                assertThat(cursors.add(page.nextCursor()))
                        .as("cursor repeats: endless paging")
                        .isTrue();
                request = request.next(page.nextCursor());
            }
        }
    }

    private static UUID id(ResultSet row) throws SQLException {
        return row.getObject("id", UUID.class);
    }

    private static List<UUID> ids(CompiledQuery query) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = query.prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    private static long count(CompiledQuery query) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = query.prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<UUID> sorted(Stream<Opp> rows, Comparator<Opp> order) {
        return rows.sorted(order).map(o -> o.id).toList();
    }

    private static boolean eq(Object value, Object expected) {
        return value != null && value.equals(expected);
    }

    @SafeVarargs
    private static <T> boolean in(T value, T... options) {
        return value != null && List.of(options).contains(value);
    }

    private static boolean cmp(BigDecimal value, BigDecimal other, IntPredicate test) {
        return value != null && test.test(value.compareTo(other));
    }

    private static boolean date(LocalDate value, Predicate<LocalDate> test) {
        return value != null && test.test(value);
    }

    private static boolean has(List<String> values, String element) {
        return values != null && values.contains(element);
    }

    private static boolean company(Opp o, Predicate<Company> test) {
        return o.liveCompany() != null && test.test(o.liveCompany());
    }

    private static String companyName(Opp o) {
        return o.liveCompany() == null ? null : o.liveCompany().name;
    }
}
