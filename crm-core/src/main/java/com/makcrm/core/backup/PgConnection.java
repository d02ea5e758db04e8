package com.makcrm.core.backup;

import com.makcrm.core.db.JdbcUrl;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL database as both JDBC and the libpq tools ({@code pg_dump}, {@code pg_restore}) reach it. The tools
 * get it through {@code PG*} environment variables, never on the command line, where other users of the machine
 * could read the password. {@code user}, {@code password} and {@code sslmode} parameters in the URL win over the
 * separate user and password.
 */
public record PgConnection(String jdbcUrl, String user, String password) {

    public PgConnection {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (JdbcUrl.parse(jdbcUrl).database() == null) {
            throw CrmException.invalid(StorageMessages.DB_URL_NO_DATABASE, Map.of("url", String.valueOf(jdbcUrl)));
        }
    }

    /** The database's name. */
    public String database() {
        return decode(JdbcUrl.parse(jdbcUrl).database());
    }

    /** Where it is, for messages: {@code host:port/database}, without credentials. */
    public String describe() {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        return url.hostPort() + "/" + database();
    }

    /** The libpq environment naming this database and its credentials. */
    Map<String, String> libpqEnvironment() {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        Map<String, String> params = queryParameters(url.query());
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String hostPort : url.hostPort().split(",")) {
            int colon = hostPort.lastIndexOf(':');
            boolean hasPort = colon > hostPort.lastIndexOf(']');
            String host = hasPort ? hostPort.substring(0, colon) : hostPort;
            hosts.add(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
            ports.add(hasPort ? hostPort.substring(colon + 1) : "5432");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", String.join(",", hosts));
        env.put("PGPORT", String.join(",", ports));
        env.put("PGDATABASE", database());
        env.put("PGAPPNAME", "crm");
        String effectiveUser = params.getOrDefault("user", user);
        String effectivePassword = params.getOrDefault("password", password);
        if (effectiveUser != null && !effectiveUser.isEmpty()) {
            env.put("PGUSER", effectiveUser);
        }
        if (effectivePassword != null && !effectivePassword.isEmpty()) {
            env.put("PGPASSWORD", effectivePassword);
        }
        if (params.containsKey("sslmode")) {
            env.put("PGSSLMODE", params.get("sslmode"));
        }
        return env;
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.length() < 2) {
            return params;
        }
        for (String pair : query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    // keeps the password out of logs and messages
    @Override
    public String toString() {
        return "PgConnection[" + user + "@" + describe() + "]";
    }
}
