package com.makcrm.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.testsupport.PostgresServer;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseBootstrapTest {

    @Test
    void createsMissingDatabaseOnceAndThenLeavesItAlone() {
        PostgresServer pg = TestServices.postgres();
        String name =
                "crm_test_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = pg.jdbcUrl(name);
        try {
            assertThat(DatabaseBootstrap.ensureDatabaseExists(url, pg.user(), pg.password()))
                    .isTrue();
            assertThat(DatabaseBootstrap.ensureDatabaseExists(url, pg.user(), pg.password()))
                    .isFalse();
        } finally {
            TestDatabase.dropQuietly(name);
        }
    }

    @Test
    void unreachableServerIsUnavailableNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/crm";

        assertThatThrownBy(() -> DatabaseBootstrap.ensureDatabaseExists(url, "postgres", null))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.UNAVAILABLE);
    }

    @Test
    void rejectsUrlsThatAreNotPostgres() {
        assertThatThrownBy(() -> DatabaseBootstrap.ensureDatabaseExists("jdbc:mysql://x/y", "u", null))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void parsesHostPortDatabaseAndParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.internal/crm?sslmode=require");
        assertThat(url.hostPort()).isEqualTo("db.internal:5432");
        assertThat(url.database()).isEqualTo("crm");
        assertThat(url.withDatabase("postgres"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/postgres?sslmode=require");
    }
}
