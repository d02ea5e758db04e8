package com.makcrm.core.db;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.StorageMessages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Translates JDBC failures into {@link CrmException}s with a message an operator can act on. */
public final class Sql {

    private Sql() {}

    /** Work on one connection, inside a transaction {@link #inTransaction} opens and ends. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own: committed when it returns, rolled back when it
     * throws; the connection goes back to the pool in the auto-commit mode it came with. JDBC failures are translated
     * as {@link #translate} does, naming {@code doing} and {@code where}.
     */
    public static <T> T inTransaction(DataSource dataSource, String doing, String where, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(doing, e, where);
        }
    }

    /** SQLSTATE class 08 (connection exception) and 57P0x (server shutting down / cannot connect now). */
    public static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** SQLSTATE class 28: wrong user or password, or no such role. The server is up but will not let us in. */
    public static boolean isLoginRejected(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("28");
    }

    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Wraps a JDBC failure; connection failures and rejected logins become UNAVAILABLE naming where we tried to
     * connect.
     */
    public static CrmException translate(String doing, SQLException e, String where) {
        if (isConnectionFailure(e)) {
            return unavailable(StorageMessages.DB_UNREACHABLE, doing, where, e);
        }
        if (isLoginRejected(e)) {
            return unavailable(StorageMessages.DB_LOGIN_REJECTED, doing, where, e);
        }
        return CrmException.internal(doing + " failed: " + firstLine(e.getMessage()), e);
    }

    private static CrmException unavailable(Message message, String doing, String where, SQLException e) {
        Map<String, String> args = Map.of(
                "where",
                String.valueOf(where),
                "doing",
                String.valueOf(doing),
                "reason",
                String.valueOf(firstLine(e.getMessage())));
        return new CrmException(ErrorCategory.UNAVAILABLE, message.english(args), e).withMessage(message, args);
    }

    /** A PostgreSQL identifier (schema, table, constraint name) as a quoted SQL identifier. */
    public static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
