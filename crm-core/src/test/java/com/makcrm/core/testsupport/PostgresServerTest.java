package com.makcrm.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void readsHostAndPortFromAJdbcUrl() {
        PostgresServer server =
                PostgresServer.fromJdbcUrl("jdbc:postgresql://db.example:6543/admin?sslmode=disable", "crm", "pw");

        assertThat(server).isEqualTo(new PostgresServer("db.example", 6543, "crm", "pw"));
    }

    @Test
    void takesTheStandardPortWhenTheUrlHasNone() {
        assertThat(PostgresServer.fromJdbcUrl("jdbc:postgresql://localhost/postgres", "postgres", "")
                        .port())
                .isEqualTo(5432);
    }

    @Test
    void rejectsAUrlOfAnotherDatabase() {
        assertThatThrownBy(() -> PostgresServer.fromJdbcUrl("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql");
    }

    @Test
    void buildsTheJdbcUrlOfADatabase() {
        assertThat(new PostgresServer("localhost", 5432, "postgres", null).jdbcUrl("crm_test_abc"))
                .isEqualTo("jdbc:postgresql://localhost:5432/crm_test_abc");
    }

    @Test
    void keepsThePasswordOutOfItsDescription() {
        assertThat(new PostgresServer("localhost", 5432, "postgres", "s3cret").toString())
                .doesNotContain("s3cret");
    }
}
