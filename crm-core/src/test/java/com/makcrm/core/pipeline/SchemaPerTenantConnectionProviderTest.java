package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaPerTenantConnectionProviderTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String SCHEMA = "t_0123456789abcdef0123456789abcdef";

    private HikariDataSource oneConnection;
    private SchemaPerTenantConnectionProvider provider;

    @BeforeEach
    void pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1); // so the next borrower gets the very connection just released
        oneConnection = new HikariDataSource(config);
        provider = new SchemaPerTenantConnectionProvider(oneConnection);
    }

    @AfterEach
    void close() {
        oneConnection.close();
    }

    @Test
    void pointsTheConnectionAtTheTenantSchemaThenPublic() throws SQLException {
        Connection c = provider.getConnection(SCHEMA);
        try {
            assertThat(searchPath(c)).isEqualTo("\"" + SCHEMA + "\", public");
        } finally {
            provider.releaseConnection(SCHEMA, c);
        }
    }

    @Test
    void resetsTheSearchPathBeforeThePoolReusesTheConnection() throws SQLException {
        provider.releaseConnection(SCHEMA, provider.getConnection(SCHEMA));

        try (Connection next = oneConnection.getConnection()) {
            assertThat(searchPath(next)).isEqualTo("\"$user\", public");
        }
    }

    @Test
    void givesSessionsWithoutATenantNoTenantSchema() throws SQLException {
        Connection c = provider.getConnection(TenantBinding.NO_TENANT);
        try {
            assertThat(searchPath(c)).isEqualTo("\"$user\", public");
        } finally {
            provider.releaseConnection(TenantBinding.NO_TENANT, c);
        }
    }

    @Test
    void refusesAnythingButATenantSchemaName() {
        for (String bad : new String[] {"public", "crm_control", "t_x", SCHEMA + "\", public; --", "T_" + SCHEMA}) {
            assertThatThrownBy(() -> provider.getConnection(bad))
                    .isInstanceOf(CrmException.class)
                    .hasMessageContaining("not a tenant schema");
        }
    }

    private static String searchPath(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
