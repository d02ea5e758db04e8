package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile input through values, field names, sort keys and cursors is rejected or bound as a plain value. */
class QueryInjectionTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final TestSchema DATA = TestSchema.generate(7, 10, 40);
    private static final QueryCompiler COMPILER = new QueryCompiler(Fixtures.OPPORTUNITY);
    private static final String DROP = "'; drop table company cascade; --";

    @BeforeAll
    static void createSchema() throws SQLException {
        DATA.create(db.dataSource());
    }

    @AfterEach
    void tablesAreIntact() {
        TestSql sql = new TestSql(db.dataSource());
        assertThat(sql.tableExists("public", "company")).isTrue();
        assertThat(sql.count("select count(*) from company")).isEqualTo(10);
        assertThat(sql.count("select count(*) from opportunity")).isEqualTo(40);
    }

    @Test
    void hostileValuesAreBoundAsPlainValues() throws SQLException {
        List<String> filters = List.of(
                "name[eq]:\"" + DROP + "\"",
                "name[contains]:\"'); delete from opportunity; --\"",
                "name[eq]:';drop",
                "name[in]:(\"x'); drop table company; --\",y)",
                "company.name[startsWith]:\"" + DROP + "\"",
                "name[eq]:\"\\\\'; select pg_sleep(5); --\"",
                "company.custom.segment[eq]:\"' or '1'='1\"");
        for (String filter : filters) {
            assertThat(fetch(new PageRequest(filter, "name", null, 50)))
                    .as(filter)
                    .isEmpty();
        }
    }

    @Test
    void hostileValuesForTypedFieldsAreRejected() {
        List<String> filters = List.of(
                "amount[eq]:\"1; drop table company\"",
                "closeDate[eq]:\"2024-01-01'; drop table company; --\"",
                "companyId[eq]:\"" + DROP + "\"",
                "custom.tier[eq]:\"gold' or '1'='1\"",
                "won[eq]:\"true or 1=1\"");
        filters.forEach(QueryInjectionTest::assertInvalid);
    }

    @Test
    void hostileFieldNamesAreRejected() {
        List<String> filters = List.of(
                "name;drop[eq]:x",
                "\"name\"[eq]:x",
                "name--[eq]:x",
                "custom.tier');drop table company;--[eq]:x",
                "custom.tier'[eq]:x",
                "o.name[eq]:x",
                "company.name) or (1=1[eq]:x",
                "pg_sleep(1)[eq]:x",
                "id::text[eq]:x",
                "name/**/[eq]:x",
                "custom.secret_column[eq]:x");
        filters.forEach(QueryInjectionTest::assertInvalid);
    }

    @Test
    void hostileSortKeysAreRejected() {
        List<String> orders = List.of(
                "name;drop table company",
                "name desc",
                "(select 1)",
                "name[desc;drop]",
                "1",
                "name collate \"C\"",
                "custom.tier' desc",
                "pg_sleep(1)",
                "name[desc],(case when true then name end)");
        for (String order : orders) {
            assertThatThrownBy(() -> COMPILER.page(new PageRequest(null, order, null, 10)))
                    .as(order)
                    .isInstanceOf(CrmException.class)
                    .extracting(e -> ((CrmException) e).category())
                    .isEqualTo(ErrorCategory.INVALID);
        }
    }

    @Test
    void sqlInsideACursorTextValueIsOnlyAPagePosition() throws SQLException {
        String signature = "opportunity|name:asc:nullsLast,id:asc:nullsLast";
        String cursor = Cursor.encode(signature, List.of(DROP, new UUID(0, 0)));
        // "'" sorts before letters: every row is after this position
        assertThat(fetch(new PageRequest(null, "name", cursor, 200)))
                .hasSize(DATA.visibleOpportunities().size());
    }

    @Test
    void tamperedCursorsAreRejectedOrOnlyMoveThePageStart() throws SQLException {
        PageRequest first = new PageRequest(null, "amount[desc],name", null, 5);
        String cursor;
        try (Connection connection = db.dataSource().getConnection()) {
            cursor = COMPILER.page(first)
                    .fetch(connection, row -> row.getString("id"))
                    .nextCursor();
        }
        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : new char[] {'A', '_', '-', '9'}) {
                String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                Throwable thrown = catchThrowable(() -> fetch(first.next(tampered)));
                if (thrown != null) {
                    assertThat(thrown).as(tampered).isInstanceOf(CrmException.class);
                    assertThat(((CrmException) thrown).category()).isEqualTo(ErrorCategory.INVALID);
                }
            }
        }
        List<String> forged = List.of(
                base64("{\"o\":\"opportunity|amount:desc:nullsFirst,name:asc:nullsLast,id:asc:nullsLast\",\"k\":[\""
                        + DROP + "\",\"a\",\"" + new UUID(0, 0) + "\"]}"),
                base64("{\"o\":\"" + DROP + "\",\"k\":[]}"),
                base64(DROP),
                DROP);
        for (String bad : forged) {
            assertThatThrownBy(() -> fetch(first.next(bad)))
                    .as(bad)
                    .isInstanceOf(CrmException.class)
                    .hasMessageNotContaining("drop table");
        }
    }

    private static void assertInvalid(String filter) {
        assertThatThrownBy(() -> COMPILER.page(new PageRequest(filter, null, null, 10)))
                .as(filter)
                .isInstanceOf(CrmException.class)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    private static List<String> fetch(PageRequest request) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            return COMPILER.page(request)
                    .fetch(connection, row -> row.getString("id"))
                    .items();
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
