package com.makcrm.core.access;

import com.makcrm.core.access.UserStore.UserRow;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Members of the actor's tenant. ADMIN and OWNER manage members; only an OWNER may grant OWNER or change or remove
 * an owner, and the last OWNER can be neither removed nor downgraded.
 */
public final class MemberService {

    private final Jdbc jdbc;
    private final RefreshTokens refreshTokens;

    MemberService(Jdbc jdbc, RefreshTokens refreshTokens) {
        this.jdbc = jdbc;
        this.refreshTokens = refreshTokens;
    }

    public List<Member> list(Actor actor) {
        actor.require(Role.ADMIN, "list members");
        return jdbc.read("listing members", c -> MembershipStore.members(c, actor.tenantId()));
    }

    public Member get(Actor actor, UUID userId) {
        actor.require(Role.ADMIN, "see members");
        return jdbc.read("reading a member", c -> find(c, actor, userId));
    }

    /**
     * Adds the user with account {@code email} to the actor's tenant. NOT_FOUND when there is no such account (the
     * person signs up first); CONFLICT when they are already a member.
     */
    public Member add(Actor actor, String email, String role) {
        actor.require(Role.ADMIN, "add members");
        FieldErrors errors = new FieldErrors();
        String normalized = email == null || email.isBlank()
                ? missing(errors, "email", "an email address is required")
                : errors.check("email", () -> Values.email("email", email));
        Role granted = errors.check("role", () -> Role.parse("role", role));
        errors.throwIfAny();
        if (granted == Role.OWNER) {
            actor.require(Role.OWNER, "make someone an OWNER");
        }
        return jdbc.inTransaction("adding a member", c -> {
            UserRow user = UserStore.findByEmail(c, normalized)
                    .orElseThrow(() -> CrmException.notFound(
                            "no account with email '" + normalized + "'; they need to sign up first"));
            try {
                MembershipStore.insert(c, user.id(), actor.tenantId(), granted, actor.name());
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw CrmException.conflict("'" + normalized + "' is already a member of this tenant");
                }
                throw e;
            }
            return MembershipStore.member(c, actor.tenantId(), user.id()).orElseThrow();
        });
    }

    public Member changeRole(Actor actor, UUID userId, String role) {
        actor.require(Role.ADMIN, "change roles");
        FieldErrors errors = new FieldErrors();
        Role wanted = errors.check("role", () -> Role.parse("role", role));
        errors.throwIfAny();
        return jdbc.inTransaction("changing a member's role", c -> {
            int owners = MembershipStore.lockOwners(c, actor.tenantId());
            Member current = find(c, actor, userId);
            if (current.role() == wanted) {
                return current;
            }
            if (current.role() == Role.OWNER || wanted == Role.OWNER) {
                actor.require(Role.OWNER, "grant or take away the OWNER role");
            }
            if (current.role() == Role.OWNER && owners <= 1) {
                throw CrmException.conflict(
                        "cannot change the role of the last OWNER; make another member OWNER first");
            }
            MembershipStore.updateRole(c, actor.tenantId(), userId, wanted);
            return MembershipStore.member(c, actor.tenantId(), userId).orElseThrow();
        });
    }

    /** Removes the membership and ends the member's sessions in this tenant (their refresh tokens). */
    public void remove(Actor actor, UUID userId) {
        actor.require(Role.ADMIN, "remove members");
        jdbc.inTransaction("removing a member", c -> {
            int owners = MembershipStore.lockOwners(c, actor.tenantId());
            Member current = find(c, actor, userId);
            if (current.role() == Role.OWNER) {
                actor.require(Role.OWNER, "remove an OWNER");
                if (owners <= 1) {
                    throw CrmException.conflict("cannot remove the last OWNER; make another member OWNER first");
                }
            }
            MembershipStore.delete(c, actor.tenantId(), userId);
            refreshTokens.revokeAll(c, userId, actor.tenantId());
            return null;
        });
    }

    private static Member find(Connection c, Actor actor, UUID userId) throws SQLException {
        return MembershipStore.member(c, actor.tenantId(), userId)
                .orElseThrow(() -> CrmException.notFound("member " + userId + " not found"));
    }

    private static <T> T missing(FieldErrors errors, String field, String message) {
        errors.add(field, message);
        return null;
    }
}
