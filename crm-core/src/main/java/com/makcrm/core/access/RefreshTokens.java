package com.makcrm.core.access;

import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.id.UuidV7;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-lived, single-use refresh tokens, stored as SHA-256 hashes. Each refresh uses up its token and issues the
 * next one of the same family; a used token presented again means it leaked, so the whole family is revoked.
 * Logout revokes the family too.
 */
public final class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    /** A refresh: the session as it is now (current role) and the token to use next time. */
    public record Rotation(Session session, String refreshToken) {}

    private record TokenRow(
            UUID id, UUID familyId, UUID userId, UUID tenantId, Instant expiresAt, Instant usedAt, Instant revokedAt) {}

    private final Jdbc jdbc;
    private final Duration lifetime;
    private final Clock clock;

    RefreshTokens(Jdbc jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Starts a new family for a fresh login; returns the token (shown to the client once, stored only hashed). */
    public String issue(Session session) {
        return jdbc.inTransaction(
                "issuing a refresh token",
                c -> insert(c, UuidV7.next(), session.userId(), session.tenant().id()));
    }

    /**
     * Uses up {@code token} and issues its successor. Reuse of a used token revokes its family; a token whose user
     * lost the membership (or whose tenant is no longer ACTIVE) is refused.
     */
    public Rotation rotate(String token) {
        byte[] hash = hashOf(token);
        Instant now = clock.instant();
        Outcome outcome = jdbc.inTransaction("refreshing a session", c -> {
            TokenRow row = find(c, hash).orElse(null);
            if (row == null || row.revokedAt() != null || !now.isBefore(row.expiresAt())) {
                return Outcome.refused();
            }
            if (row.usedAt() != null) {
                revokeFamily(c, row.familyId());
                return Outcome.reused(row);
            }
            Optional<Session> session = MembershipStore.activeSession(c, row.userId(), row.tenantId());
            if (session.isEmpty()) {
                revokeFamily(c, row.familyId());
                return Outcome.refused();
            }
            Jdbc.update(c, "update crm_control.refresh_token set used_at = ? where id = ?", now, row.id());
            String next = insert(c, row.familyId(), row.userId(), row.tenantId());
            return Outcome.rotated(new Rotation(session.get(), next));
        });
        if (outcome.reused != null) {
            log.warn(
                    "refresh token reuse for user {} in tenant {}: revoked token family {}",
                    outcome.reused.userId(),
                    outcome.reused.tenantId(),
                    outcome.reused.familyId());
            throw new AuthenticationFailedException(AccessMessages.REFRESH_TOKEN_REUSED, Map.of());
        }
        if (outcome.rotation == null) {
            throw new AuthenticationFailedException(AccessMessages.REFRESH_TOKEN_INVALID, Map.of());
        }
        return outcome.rotation;
    }

    private record Outcome(Rotation rotation, TokenRow reused) {
        static Outcome refused() {
            return new Outcome(null, null);
        }

        static Outcome reused(TokenRow row) {
            return new Outcome(null, row);
        }

        static Outcome rotated(Rotation rotation) {
            return new Outcome(rotation, null);
        }
    }

    /** Logout: revokes the token's family. Unknown or already revoked tokens are a no-op (logout is idempotent). */
    public void revoke(String token) {
        byte[] hash = hashOf(token);
        jdbc.inTransaction("logging out", c -> {
            Optional<TokenRow> row = find(c, hash);
            if (row.isPresent()) {
                revokeFamily(c, row.get().familyId());
            }
            return null;
        });
    }

    /** Ends every session of a user in a tenant (membership removed). */
    int revokeAll(Connection c, UUID userId, UUID tenantId) throws SQLException {
        return Jdbc.update(
                c,
                "update crm_control.refresh_token set revoked_at = ? where user_id = ? and tenant_id = ?"
                        + " and revoked_at is null",
                clock.instant(),
                userId,
                tenantId);
    }

    /** Deletes tokens that expired more than {@code olderThan} ago; for housekeeping jobs. */
    public int purgeExpired(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return jdbc.inTransaction(
                "purging refresh tokens",
                c -> Jdbc.update(c, "delete from crm_control.refresh_token where expires_at < ?", cutoff));
    }

    private String insert(Connection c, UUID familyId, UUID userId, UUID tenantId) throws SQLException {
        String token = Secrets.token();
        Jdbc.update(
                c,
                "insert into crm_control.refresh_token (id, family_id, user_id, tenant_id, token_hash, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                UuidV7.next(),
                familyId,
                userId,
                tenantId,
                Secrets.sha256(token),
                clock.instant().plus(lifetime));
        return token;
    }

    private static Optional<TokenRow> find(Connection c, byte[] hash) throws SQLException {
        if (hash == null) {
            return Optional.empty();
        }
        return Jdbc.queryOne(
                c,
                "select id, family_id, user_id, tenant_id, expires_at, used_at, revoked_at"
                        + " from crm_control.refresh_token where token_hash = ? for update",
                rs -> new TokenRow(
                        Jdbc.uuid(rs, "id"),
                        Jdbc.uuid(rs, "family_id"),
                        Jdbc.uuid(rs, "user_id"),
                        Jdbc.uuid(rs, "tenant_id"),
                        Jdbc.instant(rs, "expires_at"),
                        Jdbc.instant(rs, "used_at"),
                        Jdbc.instant(rs, "revoked_at")),
                hash);
    }

    private void revokeFamily(Connection c, UUID familyId) throws SQLException {
        Jdbc.update(
                c,
                "update crm_control.refresh_token set revoked_at = ? where family_id = ? and revoked_at is null",
                clock.instant(),
                familyId);
    }

    /** Null for anything that cannot be one of our tokens, so garbage never reaches the database. */
    private static byte[] hashOf(String token) {
        return Secrets.only(token, Secrets.BASE62, Secrets.TOKEN_LENGTH) ? Secrets.sha256(token) : null;
    }
}
