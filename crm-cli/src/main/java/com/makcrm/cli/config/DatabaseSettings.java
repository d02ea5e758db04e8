package com.makcrm.cli.config;

/** Where the CLI finds PostgreSQL. */
public record DatabaseSettings(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/crm";
    public static final String DEFAULT_USER = "postgres";

    public static DatabaseSettings resolve(Settings s, String urlFlag, String userFlag, String passwordFlag) {
        return new DatabaseSettings(
                s.resolve(urlFlag, "CRM_DATABASE_URL", "database.url", DEFAULT_URL),
                s.resolve(userFlag, "CRM_DATABASE_USER", "database.user", DEFAULT_USER),
                s.resolve(passwordFlag, "CRM_DATABASE_PASSWORD", "database.password", null));
    }
}
