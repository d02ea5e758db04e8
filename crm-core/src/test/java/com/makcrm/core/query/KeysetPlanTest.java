package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deep page must cost what the first page costs: with an index on the sort key, both are index scans that
 * read a similar number of buffers (counted by EXPLAIN, not timed, so the check is stable on a busy machine).
 */
class KeysetPlanTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final int ROWS = 100_000;
    private static final QueryCompiler COMPILER = new QueryCompiler(Fixtures.OPPORTUNITY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void createBigTable() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(TestSchema.DDL);
            statement.execute("insert into opportunity (id, name, amount, close_date, stage, won, created_at)"
                    + " select gen_random_uuid(), 'opp' || g,"
                    + " case when g % 10 = 0 then null else (g * 7919) % 100000 end,"
                    + " case when g % 4 = 0 then null else date '2024-01-01' + (g % 365) end,"
                    + " (array['NEW','SCREENING','MEETING','PROPOSAL','CUSTOMER','LOST'])[1 + g % 6],"
                    + " g % 3 = 0," // two tie groups: 66,667 false (a quarter without close date), 33,333 true
                    + " timestamptz '2024-01-01 00:00Z' + g * interval '1 minute'"
                    + " from generate_series(1, " + ROWS + ") g");
            statement.execute("create index on opportunity (amount, id)");
            statement.execute("create index on opportunity (close_date, id)");
            // a non-default nulls placement is served only by an index declared with it
            statement.execute("create index on opportunity (close_date nulls first, id)");
            statement.execute("create index on opportunity (created_at, id)");
            statement.execute("create index on opportunity (won, close_date, id)");
            statement.execute("analyze opportunity");
        }
    }

    @ParameterizedTest(name = "{0} / {1} / offset {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "amount[desc]|stage[in]:(NEW,PROPOSAL)|25000", // row-value comparison, backward index scan
                "closeDate|stage[in]:(NEW,PROPOSAL)|15000", // nulls last: non-null branch + null block branch
                "closeDate[asc,nullsFirst]|stage[eq]:MEETING|12000", // past the leading null block: row-value
                "createdAt||80000", // not-null key, ascending row-value
            })
    void deepPageIsAnIndexScanCostingWhatThePageOneCosts(String order, String filter, int offset) throws SQLException {
        PageRequest request = new PageRequest(filter, order, null, 50);
        CompiledPage first = COMPILER.page(request);
        CompiledPage deep = COMPILER.page(request.next(cursorAt(first, offset)));

        Plan firstPlan = explain(first.query());
        Plan deepPlan = explain(deep.query());

        assertThat(firstPlan.nodeTypes()).contains("Index Scan").doesNotContain("Seq Scan");
        assertThat(deepPlan.nodeTypes()).contains("Index Scan").doesNotContain("Seq Scan");
        assertThat(deepPlan.buffers())
                .as("buffers of a deep page vs page 1 (%s): %s", firstPlan.buffers(), deepPlan.nodeTypes())
                .isLessThanOrEqualTo(firstPlan.buffers() * 5 + 20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"closeDate", "closeDate[asc,nullsFirst]"})
    void pageInsideTheNullBlockSeeksToo(String order) throws SQLException {
        PageRequest request = new PageRequest(null, order, null, 50);
        CompiledPage first = COMPILER.page(request);
        int insideNulls = order.contains("nullsFirst") ? ROWS / 8 : ROWS - ROWS / 8;
        Plan deepPlan = explain(
                COMPILER.page(request.next(cursorAt(first, insideNulls))).query());
        Plan firstPlan = explain(first.query());

        assertThat(deepPlan.nodeTypes()).doesNotContain("Seq Scan");
        assertThat(deepPlan.buffers()).isLessThanOrEqualTo(firstPlan.buffers() * 5 + 20);
    }

    /**
     * Two nullable ascending keys, cursor deep inside the 66,667-row tie group of the first: the index must seek
     * to the cursor on all keys (a ROW comparison in the index condition), not to the start of the tie group.
     * The deep page also runs the null-block branches ({@code won is null}, {@code won = ? and close_date is
     * null}), the second of which reads a page of its own, hence up to about twice page 1 plus a few seeks.
     */
    @ParameterizedTest(name = "offset {0}")
    @CsvSource({"30000", "49000"})
    void deepPageInsideALargeTieGroupOfNullableKeysSeeksWithARowComparison(int offset) throws SQLException {
        PageRequest request = new PageRequest(null, "won,closeDate", null, 50);
        CompiledPage first = COMPILER.page(request);
        CompiledPage deep = COMPILER.page(request.next(cursorAt(first, offset)));

        Plan firstPlan = explain(first.query());
        Plan deepPlan = explain(deep.query());

        assertThat(deepPlan.nodeTypes()).contains("Index Scan").doesNotContain("Seq Scan");
        assertThat(deepPlan.indexConditions())
                .anySatisfy(condition -> assertThat(condition).contains("ROW("));
        assertThat(deepPlan.buffers())
                .as("buffers of a deep page vs page 1 (%s): %s", firstPlan.buffers(), deepPlan.indexConditions())
                .isLessThanOrEqualTo(firstPlan.buffers() * 2 + 20);
    }

    /** The cursor after the row at {@code offset} of the first page's order (OFFSET here only to find it). */
    private static String cursorAt(CompiledPage first, int offset) throws SQLException {
        String sql = first.sql().replaceFirst(" limit \\?$", " offset " + offset + " limit ?");
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = new CompiledQuery(sql, first.parameters()).prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return first.cursorAfter(rows);
        }
    }

    private static Plan explain(CompiledQuery query) throws SQLException {
        CompiledQuery explain =
                new CompiledQuery("explain (analyze, buffers, format json) " + query.sql(), query.parameters());
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = explain.prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Plan(JSON.readTree(rows.getString(1)).get(0).get("Plan"));
        }
    }

    private record Plan(JsonNode root) {
        long buffers() {
            return root.get("Shared Hit Blocks").asLong()
                    + root.get("Shared Read Blocks").asLong();
        }

        List<String> nodeTypes() {
            List<String> types = new ArrayList<>();
            collect(root, types);
            return types;
        }

        List<String> indexConditions() {
            List<String> conditions = new ArrayList<>();
            collectConditions(root, conditions);
            return conditions;
        }

        private static void collectConditions(JsonNode node, List<String> conditions) {
            JsonNode condition = node.get("Index Cond");
            if (condition != null) {
                conditions.add(condition.asString());
            }
            JsonNode children = node.get("Plans");
            if (children != null) {
                children.forEach(child -> collectConditions(child, conditions));
            }
        }

        private static void collect(JsonNode node, List<String> types) {
            types.add(node.get("Node Type").asString());
            JsonNode children = node.get("Plans");
            if (children != null) {
                children.forEach(child -> collect(child, types));
            }
        }
    }
}
