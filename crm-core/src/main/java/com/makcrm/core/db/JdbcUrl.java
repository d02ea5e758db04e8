package com.makcrm.core.db;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code jdbc:postgresql://host:port/database?params} URL we need: where it points (for error
 * messages) and which database it names (to create it when missing).
 */
public record JdbcUrl(String hostPort, String database, String query) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(\\?.*)?");

    public static JdbcUrl parse(String url) {
        Matcher m = url == null ? null : URL.matcher(url);
        if (m == null || !m.matches()) {
            throw CrmException.invalid(StorageMessages.DB_URL_FORMAT, Map.of("url", String.valueOf(url)));
        }
        String hosts = m.group(1).isEmpty() ? "localhost:5432" : m.group(1);
        String hostPort = hosts.contains(":") || hosts.contains(",") ? hosts : hosts + ":5432";
        String database = m.group(2) == null || m.group(2).isEmpty() ? null : m.group(2);
        return new JdbcUrl(hostPort, database, m.group(3) == null ? "" : m.group(3));
    }

    /** The same server, another database (e.g. the {@code postgres} maintenance database). */
    public String withDatabase(String otherDatabase) {
        return "jdbc:postgresql://" + hostPort + "/" + otherDatabase + query;
    }
}
