package com.makcrm.core.access;

import com.makcrm.core.access.UserStore.UserRow;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
        actor.require(Role.ADMIN, Actor.Action.LIST_MEMBERS);
        return jdbc.read("listing members", c -> MembershipStore.members(c, actor.tenantId()));
    }

    public Member get(Actor actor, UUID userId) {
        actor.require(Role.ADMIN, Actor.Action.SEE_MEMBERS);
        return jdbc.read("reading a member", c -> find(c, actor, userId));
    }

    /**
     * Adds the user with account {@code email} to the actor's tenant. NOT_FOUND when there is no such account (the
     * person signs up first); CONFLICT when they are already a member.
     */
    public Member add(Actor actor, String email, String role) {
        actor.require(Role.ADMIN, Actor.Action.ADD_MEMBERS);
        FieldErrors errors = new FieldErrors();
        String normalized = email == null || email.isBlank()
                ? missing(errors, "email", AccessMessages.EMAIL_REQUIRED)
                : errors.check("email", () -> Values.email("email", email));
        Role granted = errors.check("role", () -> Role.parse("role", role));
        errors.throwIfAny();
        if (granted == Role.OWNER) {
            actor.require(Role.OWNER, Actor.Action.GRANT_OWNER);
        }
        return jdbc.inTransaction("adding a member", c -> {
            UserRow user = UserStore.findByEmail(c, normalized)
                    .orElseThrow(
                            () -> CrmException.notFound(AccessMessages.ACCOUNT_NOT_FOUND, Map.of("email", normalized)));
            try {
                MembershipStore.insert(c, user.id(), actor.tenantId(), granted, actor.name());
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw CrmException.conflict(AccessMessages.ALREADY_MEMBER, Map.of("email", normalized));
                }
                throw e;
            }
            return MembershipStore.member(c, actor.tenantId(), user.id()).orElseThrow();
        });
    }

    public Member changeRole(Actor actor, UUID userId, String role) {
        actor.require(Role.ADMIN, Actor.Action.CHANGE_ROLES);
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
                actor.require(Role.OWNER, Actor.Action.GRANT_OR_REVOKE_OWNER);
            }
            if (current.role() == Role.OWNER && owners <= 1) {
                throw CrmException.conflict(AccessMessages.LAST_OWNER_ROLE, Map.of());
            }
            MembershipStore.updateRole(c, actor.tenantId(), userId, wanted);
            return MembershipStore.member(c, actor.tenantId(), userId).orElseThrow();
        });
    }

    /** Removes the membership and ends the member's sessions in this tenant (their refresh tokens). */
    public void remove(Actor actor, UUID userId) {
        actor.require(Role.ADMIN, Actor.Action.REMOVE_MEMBERS);
        jdbc.inTransaction("removing a member", c -> {
            int owners = MembershipStore.lockOwners(c, actor.tenantId());
            Member current = find(c, actor, userId);
            if (current.role() == Role.OWNER) {
                actor.require(Role.OWNER, Actor.Action.REMOVE_OWNER);
                if (owners <= 1) {
                    throw CrmException.conflict(AccessMessages.LAST_OWNER_REMOVE, Map.of());
                }
            }
            MembershipStore.delete(c, actor.tenantId(), userId);
            refreshTokens.revokeAll(c, userId, actor.tenantId());
            return null;
        });
    }

    private static Member find(Connection c, Actor actor, UUID userId) throws SQLException {
        return MembershipStore.member(c, actor.tenantId(), userId)
                .orElseThrow(() ->
                        CrmException.notFound(AccessMessages.MEMBER_NOT_FOUND, Map.of("id", String.valueOf(userId))));
    }

    private static <T> T missing(FieldErrors errors, String field, Message message) {
        errors.add(field, message, Map.of());
        return null;
    }
}
