package com.makcrm.core.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** JDBC access to {@code crm_control.user_account}. */
final class UserStore {

    record UserRow(UUID id, String email, String passwordHash) {}

    /** The settings a user edits themselves. */
    record ProfileRow(String email, String displayName, String locale, Instant updatedAt) {}

    private UserStore() {}

    static void insert(Connection c, UUID id, String email, String passwordHash) throws SQLException {
        Jdbc.update(
                c,
                "insert into crm_control.user_account (id, email, password_hash) values (?, ?, ?)",
                id,
                email,
                passwordHash);
    }

    static Optional<UserRow> findByEmail(Connection c, String email) throws SQLException {
        return Jdbc.queryOne(
                c,
                "select id, email, password_hash from crm_control.user_account where email = ?",
                rs -> new UserRow(Jdbc.uuid(rs, "id"), rs.getString("email"), rs.getString("password_hash")),
                email);
    }

    static void updatePasswordHash(Connection c, UUID id, String passwordHash) throws SQLException {
        Jdbc.update(
                c,
                "update crm_control.user_account set password_hash = ?, updated_at = now() where id = ?",
                passwordHash,
                id);
    }

    static Optional<ProfileRow> profile(Connection c, UUID id) throws SQLException {
        return Jdbc.queryOne(
                c,
                "select email, display_name, locale, updated_at from crm_control.user_account where id = ?",
                rs -> new ProfileRow(
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("locale"),
                        Jdbc.instant(rs, "updated_at")),
                id);
    }

    /** Sets the columns named in {@code values} (display_name, locale; a null value clears one). */
    static int updateProfile(Connection c, UUID id, Map<String, String> values) throws SQLException {
        List<Object> args = new ArrayList<>(values.values());
        args.add(id);
        String sets = values.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
        return Jdbc.update(
                c, "update crm_control.user_account set " + sets + ", updated_at = now() where id = ?", args.toArray());
    }
}
