package com.makcrm.core.access;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to {@code crm_control.membership}, joined with users and tenants where callers need them. */
final class MembershipStore {

    /** One of a user's tenants, with its status (only ACTIVE tenants can be signed in to). */
    record TenantMembership(TenantRef tenant, String status, Role role) {}

    private static final String MEMBER_COLUMNS =
            "select u.id, u.email, u.display_name, m.role, m.created_at from crm_control.membership m"
                    + " join crm_control.user_account u on u.id = m.user_id";

    private MembershipStore() {}

    static void insert(Connection c, UUID userId, UUID tenantId, Role role, String createdBy) throws SQLException {
        Jdbc.update(
                c,
                "insert into crm_control.membership (user_id, tenant_id, role, created_by) values (?, ?, ?, ?)",
                userId,
                tenantId,
                role.name(),
                createdBy);
    }

    static List<TenantMembership> tenantsOf(Connection c, UUID userId) throws SQLException {
        return Jdbc.query(
                c,
                "select t.id, t.slug, t.display_name, t.status, m.role from crm_control.membership m"
                        + " join crm_control.tenant t on t.id = m.tenant_id"
                        + " where m.user_id = ? and t.status <> 'PURGED' order by t.slug",
                rs -> new TenantMembership(
                        new TenantRef(Jdbc.uuid(rs, "id"), rs.getString("slug"), rs.getString("display_name")),
                        rs.getString("status"),
                        Role.valueOf(rs.getString("role"))),
                userId);
    }

    /** The membership of {@code userId} in an ACTIVE tenant {@code tenantId}, with the user's email. */
    static Optional<Session> activeSession(Connection c, UUID userId, UUID tenantId) throws SQLException {
        return Jdbc.queryOne(
                c,
                "select u.email, t.slug, t.display_name, m.role from crm_control.membership m"
                        + " join crm_control.user_account u on u.id = m.user_id"
                        + " join crm_control.tenant t on t.id = m.tenant_id"
                        + " where m.user_id = ? and m.tenant_id = ? and t.status = 'ACTIVE'",
                rs -> new Session(
                        userId,
                        rs.getString("email"),
                        new TenantRef(tenantId, rs.getString("slug"), rs.getString("display_name")),
                        Role.valueOf(rs.getString("role"))),
                userId,
                tenantId);
    }

    static List<Member> members(Connection c, UUID tenantId) throws SQLException {
        return Jdbc.query(
                c, MEMBER_COLUMNS + " where m.tenant_id = ? order by u.email", MembershipStore::member, tenantId);
    }

    static Optional<Member> member(Connection c, UUID tenantId, UUID userId) throws SQLException {
        return Jdbc.queryOne(
                c,
                MEMBER_COLUMNS + " where m.tenant_id = ? and m.user_id = ?",
                MembershipStore::member,
                tenantId,
                userId);
    }

    /**
     * Locks the tenant's OWNER rows and counts them. Concurrent changes to owners queue behind this lock, and a row
     * demoted meanwhile no longer counts, so two owners demoting each other cannot leave the tenant without one.
     */
    static int lockOwners(Connection c, UUID tenantId) throws SQLException {
        return Jdbc.query(
                        c,
                        "select user_id from crm_control.membership where tenant_id = ? and role = 'OWNER' for update",
                        rs -> 1,
                        tenantId)
                .size();
    }

    static int updateRole(Connection c, UUID tenantId, UUID userId, Role role) throws SQLException {
        return Jdbc.update(
                c,
                "update crm_control.membership set role = ? where tenant_id = ? and user_id = ?",
                role.name(),
                tenantId,
                userId);
    }

    static int delete(Connection c, UUID tenantId, UUID userId) throws SQLException {
        return Jdbc.update(
                c, "delete from crm_control.membership where tenant_id = ? and user_id = ?", tenantId, userId);
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(
                Jdbc.uuid(rs, "id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Jdbc.instant(rs, "created_at"));
    }
}
