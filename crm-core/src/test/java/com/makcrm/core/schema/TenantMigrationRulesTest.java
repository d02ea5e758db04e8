package com.makcrm.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenant migrations must stay inside their own schema (db/tenant/README.md), so a tenant can move between clusters
 * and works with Citus schema-based sharding.
 */
class TenantMigrationRulesTest {

    private static final Path TENANT_MIGRATIONS = Path.of("src/main/resources/db/tenant");
    /** {@code name.name} outside string literals and comments: a schema-qualified reference. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(crm_control|public|t_[0-9a-f]{32}|pg_temp)\\s*\\.");

    @Test
    void tenantMigrationsNeverReferenceAnotherSchema() throws IOException {
        List<Path> scripts = sqlScripts();
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            String code = stripComments(Files.readString(script));
            assertThat(QUALIFIED.matcher(code).find())
                    .as("%s qualifies a name with a schema; tenant migrations must not", script.getFileName())
                    .isFalse();
            assertThat(code.toLowerCase())
                    .as("%s mentions crm_control", script.getFileName())
                    .doesNotContain("crm_control");
        }
    }

    @Test
    void ruleDetectsCrossSchemaReferences() {
        assertThat(QUALIFIED
                        .matcher(stripComments("ALTER TABLE x ADD FOREIGN KEY (t) REFERENCES crm_control.tenant(id);"))
                        .find())
                .isTrue();
        assertThat(QUALIFIED
                        .matcher(stripComments("-- public.thing is fine in a comment\nCREATE TABLE a (id int);"))
                        .find())
                .isFalse();
    }

    private static List<Path> sqlScripts() throws IOException {
        try (Stream<Path> files = Files.list(TENANT_MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).toList();
        }
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }
}
