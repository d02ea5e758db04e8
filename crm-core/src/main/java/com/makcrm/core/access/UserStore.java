package com.makcrm.core.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to {@code crm_control.user_account}. */
final class UserStore {

    record UserRow(UUID id, String email, String passwordHash) {}

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
}
