package com.makcrm.server.embedded;

import java.nio.file.Path;

/** Where the server is, how to log in and where the API docs are: plain lines for a person at a terminal. */
final class StartupBanner {

    private StartupBanner() {}

    /** @param created the login made by this start, printed in full only then; null on later starts */
    static String text(int port, EmbeddedDatabase database, DemoCredentials created) {
        String url = "http://localhost:" + port;
        Path credentials = DemoCredentials.file(database.dataDir());
        StringBuilder text =
                new StringBuilder("\n\n  MaK-CRM is running at ").append(url).append('\n');
        if (created != null) {
            text.append("\n  A demo tenant with sample records was created. Log in with\n")
                    .append("    email:    ")
                    .append(created.email())
                    .append('\n')
                    .append("    password: ")
                    .append(created.password())
                    .append('\n')
                    .append("  e.g. curl -X POST ")
                    .append(url)
                    .append("/api/v1/auth/login -H 'Content-Type: application/json' -d '{\"email\":\"")
                    .append(created.email())
                    .append("\",\"password\":\"")
                    .append(created.password())
                    .append("\"}'\n")
                    .append("  (this login is also saved in ")
                    .append(credentials)
                    .append(")\n\n");
        } else if (credentials.toFile().isFile()) {
            text.append("  Demo login: see ").append(credentials).append('\n');
        }
        return text.append("  API docs:   ")
                .append(url)
                .append("/swagger-ui.html (OpenAPI: ")
                .append(url)
                .append("/v3/api-docs)\n")
                .append("  Data:       ")
                .append(database.dataDir())
                .append(" (embedded PostgreSQL; set CRM_DATABASE_URL to use your own server)\n")
                .toString();
    }
}
