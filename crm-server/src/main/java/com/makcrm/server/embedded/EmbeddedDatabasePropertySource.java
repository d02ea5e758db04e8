package com.makcrm.server.embedded;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * The connection to the {@link EmbeddedDatabase}, resolved only when asked for: reading the URL starts the
 * database. A source of higher precedence that names its own database (a test's {@code @DynamicPropertySource},
 * added after the environment was prepared) is asked first, so this one is never read and nothing starts.
 */
final class EmbeddedDatabasePropertySource extends EnumerablePropertySource<EmbeddedDatabase> {

    static final String NAME = "crmEmbeddedDatabase";
    private static final String URL = "spring.datasource.url";
    private static final String USERNAME = "spring.datasource.username";
    private static final String PASSWORD = "spring.datasource.password";

    EmbeddedDatabasePropertySource(EmbeddedDatabase database) {
        super(NAME, database);
    }

    @Override
    public String[] getPropertyNames() {
        return new String[] {URL, USERNAME, PASSWORD};
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case URL -> getSource().jdbcUrl();
            case USERNAME -> EmbeddedDatabase.USER;
            case PASSWORD -> ""; // trust authentication, localhost only
            default -> null;
        };
    }
}
