package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgConnectionTest {

    @Test
    void givesTheToolsTheDatabaseThroughTheEnvironment() {
        PgConnection c = new PgConnection("jdbc:postgresql://db.example:6543/crm", "crm", "s3cret");

        assertThat(c.libpqEnvironment())
                .containsEntry("PGHOST", "db.example")
                .containsEntry("PGPORT", "6543")
                .containsEntry("PGDATABASE", "crm")
                .containsEntry("PGUSER", "crm")
                .containsEntry("PGPASSWORD", "s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(c.describe()).isEqualTo("db.example:6543/crm");
    }

    @Test
    void urlParametersWinAndSeveralHostsAreKept() {
        PgConnection c = new PgConnection(
                "jdbc:postgresql://a:5432,b/crm?user=other&password=p%26w&sslmode=require", "crm", "ignored");

        assertThat(c.libpqEnvironment())
                .containsEntry("PGHOST", "a,b")
                .containsEntry("PGPORT", "5432,5432")
                .containsEntry("PGUSER", "other")
                .containsEntry("PGPASSWORD", "p&w")
                .containsEntry("PGSSLMODE", "require");
    }

    @Test
    void noPasswordMeansNoPasswordVariable() {
        PgConnection c = new PgConnection("jdbc:postgresql://localhost/crm", "postgres", null);

        assertThat(c.libpqEnvironment()).doesNotContainKey("PGPASSWORD").containsEntry("PGPORT", "5432");
    }
}
