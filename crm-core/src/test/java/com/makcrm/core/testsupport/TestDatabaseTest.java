package com.makcrm.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The manual tests pass no ExtensionContext: TestDatabase's callbacks do not read it.
class TestDatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void registeredDatabaseIsTheOneItsDataSourceConnectsTo() throws SQLException {
        assertThat(db.name()).matches("crm_test_[a-z]{16}");
        assertThat(db.jdbcUrl()).endsWith("/" + db.name());
        assertThat(queryString(db.dataSource(), "select current_database()")).isEqualTo(db.name());
    }

    @Test
    void givesEachInstanceADatabaseTheOtherCannotSee() throws SQLException {
        TestDatabase first = new TestDatabase();
        TestDatabase second = new TestDatabase();
        first.beforeAll(null);
        second.beforeAll(null);
        try {
            assertThat(first.name()).isNotEqualTo(second.name());
            execute(first.dataSource(), "create table only_in_first (id int)");

            assertThat(tableExists(first.dataSource(), "only_in_first")).isTrue();
            assertThat(tableExists(second.dataSource(), "only_in_first")).isFalse();
        } finally {
            first.afterAll(null);
            second.afterAll(null);
        }
    }

    @Test
    void dropsTheDatabaseAfterAllEvenWithAConnectionLeftOpen() throws SQLException {
        TestDatabase database = new TestDatabase();
        database.beforeAll(null);
        String name = database.name();
        execute(database.dataSource(), "create table t (id int)");
        try (Connection leftOpen = DriverManager.getConnection(database.jdbcUrl(), database.user(), password())) {
            database.afterAll(null);

            assertThat(databaseExists(name)).isFalse();
            assertThat(leftOpen.isValid(1)).isFalse();
        }
    }

    @Test
    void refusesAccessOutsideBeforeAllAndAfterAll() throws SQLException {
        TestDatabase database = new TestDatabase();
        assertThatThrownBy(database::name).isInstanceOf(IllegalStateException.class);

        database.beforeAll(null);
        database.afterAll(null);
        assertThatThrownBy(database::dataSource).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsOneDatabaseThroughNestedCallbacksUntilTheOutermostAfterAll() throws SQLException {
        TestDatabase database = new TestDatabase();
        database.beforeAll(null);
        String outer = database.name();
        database.beforeAll(null);
        assertThat(database.name()).isEqualTo(outer);

        database.afterAll(null);
        assertThat(databaseExists(outer)).isTrue();
        database.afterAll(null);
        assertThat(databaseExists(outer)).isFalse();
    }

    @Test
    void createsAFreshDatabaseWhenRunAgain() throws SQLException {
        TestDatabase database = new TestDatabase();
        database.beforeAll(null);
        String firstRun = database.name();
        database.afterAll(null);
        database.beforeAll(null);
        try {
            assertThat(database.name()).isNotEqualTo(firstRun);
        } finally {
            database.afterAll(null);
        }
    }

    @Test
    void dropQuietlyRemovesAnExtraDatabaseAndIgnoresAMissingOne() throws SQLException {
        String extra = "crm_test_extra_" + RandomNames.lowercase(10);
        execute(db.dataSource(), "create database " + extra);

        TestDatabase.dropQuietly(extra);
        TestDatabase.dropQuietly(extra);

        assertThat(databaseExists(extra)).isFalse();
    }

    @Test
    void dropQuietlyLeavesADatabaseWithAnUnsafeNameAlone() throws SQLException {
        TestDatabase.dropQuietly(db.name() + "\"; drop database " + db.name() + "; --");

        assertThat(databaseExists(db.name())).isTrue();
    }

    private static String password() {
        return TestServices.postgres().password();
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        return queryString(dataSource, "select to_regclass('" + table + "')") != null;
    }

    private static String queryString(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
