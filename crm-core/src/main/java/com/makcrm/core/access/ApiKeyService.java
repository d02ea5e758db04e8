package com.makcrm.core.access;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.value.FieldErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys of a tenant, sent as {@code crm_<prefix>_<secret>}. The prefix (public, unique) finds the key, the secret
 * is stored only as its SHA-256 hash: 256 random bits need no slow hash. Revocation takes effect on the next request,
 * since every request resolves the key in the database.
 */
public final class ApiKeyService {

    static final String SCHEME = "crm";
    static final int PREFIX_LENGTH = 8;
    private static final int MAX_NAME = 100;
    /** last_used_at is a hint for humans; writing it on every request would turn reads into writes. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private static final String COLUMNS =
            "id, tenant_id, name, prefix, role, created_by, created_at, last_used_at, revoked_at";

    /** A key just created: the full token is shown this once and cannot be recovered later. */
    public record Created(ApiKey key, String token) {}

    private final Jdbc jdbc;
    private final Clock clock;

    ApiKeyService(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a key with a role no higher than the actor's own. */
    public Created create(Actor actor, String name, String role) {
        actor.require(Role.ADMIN, Actor.Action.CREATE_API_KEYS);
        FieldErrors errors = new FieldErrors();
        String cleanName = name == null ? null : name.strip();
        if (cleanName == null || cleanName.isEmpty()) {
            errors.add("name", AccessMessages.API_KEY_NAME_REQUIRED, Map.of());
        } else if (cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", AccessMessages.API_KEY_NAME_INVALID, Map.of("max", MAX_NAME));
        }
        Role keyRole = errors.check("role", () -> Role.parse("role", role));
        errors.throwIfAny();
        if (!actor.role().includes(keyRole)) {
            throw Actor.forbidden(
                    AccessMessages.KEY_ROLE_ABOVE_OWN,
                    Map.of("role", keyRole.name(), "own", actor.role().name()));
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return insert(actor, cleanName, keyRole);
            } catch (CrmException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s) || !Sql.isUniqueViolation(s)) {
                    throw e;
                }
                // a prefix collision (36^8 space): draw another
            }
        }
    }

    private Created insert(Actor actor, String name, Role role) {
        UUID id = UuidV7.next();
        String prefix = Secrets.random(Secrets.LOWER36, PREFIX_LENGTH);
        String secret = Secrets.token();
        ApiKey key = jdbc.inTransaction("creating an API key", c -> {
            Jdbc.update(
                    c,
                    "insert into crm_control.api_key (id, tenant_id, name, prefix, secret_hash, role, created_by)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    actor.tenantId(),
                    name,
                    prefix,
                    Secrets.sha256(secret),
                    role.name(),
                    actor.name());
            return findById(c, actor.tenantId(), id).orElseThrow();
        });
        return new Created(key, SCHEME + "_" + prefix + "_" + secret);
    }

    /** The tenant's keys, newest first, revoked ones included (with {@code revokedAt}). */
    public List<ApiKey> list(Actor actor) {
        actor.require(Role.ADMIN, Actor.Action.LIST_API_KEYS);
        return jdbc.read(
                "listing API keys",
                c -> Jdbc.query(
                        c,
                        "select " + COLUMNS + " from crm_control.api_key where tenant_id = ?"
                                + " order by created_at desc, id desc",
                        ApiKeyService::row,
                        actor.tenantId()));
    }

    public ApiKey get(Actor actor, UUID keyId) {
        actor.require(Role.ADMIN, Actor.Action.SEE_API_KEYS);
        return jdbc.read("reading an API key", c -> findById(c, actor.tenantId(), keyId))
                .orElseThrow(() -> apiKeyNotFound(keyId));
    }

    /** Revokes a key of the actor's tenant; NOT_FOUND for keys of other tenants. Revoking twice is a no-op. */
    public ApiKey revoke(Actor actor, UUID keyId) {
        actor.require(Role.ADMIN, Actor.Action.REVOKE_API_KEYS);
        return jdbc.inTransaction("revoking an API key", c -> {
            ApiKey key = findById(c, actor.tenantId(), keyId).orElseThrow(() -> apiKeyNotFound(keyId));
            if (!actor.role().includes(key.role())) {
                throw Actor.forbidden(
                        AccessMessages.KEY_REVOKE_ROLE,
                        Map.of("role", key.role().name(), "own", actor.role().name()));
            }
            Jdbc.update(
                    c,
                    "update crm_control.api_key set revoked_at = ? where id = ? and revoked_at is null",
                    clock.instant(),
                    keyId);
            return findById(c, actor.tenantId(), keyId).orElseThrow();
        });
    }

    private static CrmException apiKeyNotFound(UUID keyId) {
        return CrmException.notFound(AccessMessages.API_KEY_NOT_FOUND, Map.of("id", String.valueOf(keyId)));
    }

    /** Whether a bearer token has the shape of an API key (as opposed to a JWT). */
    public static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(SCHEME + "_");
    }

    /** The key's tenant and role, when the token is a live key of an ACTIVE tenant; empty otherwise. */
    public Optional<ApiKeyPrincipal> resolve(String token) {
        String[] parts = token == null ? new String[0] : token.split("_", -1);
        if (parts.length != 3
                || !SCHEME.equals(parts[0])
                || !Secrets.only(parts[1], Secrets.LOWER36, PREFIX_LENGTH)
                || !Secrets.only(parts[2], Secrets.BASE62, Secrets.TOKEN_LENGTH)) {
            return Optional.empty();
        }
        byte[] presented = Secrets.sha256(parts[2]);
        Instant now = clock.instant();
        return jdbc.read("resolving an API key", c -> {
            Optional<Resolved> found = Jdbc.queryOne(
                    c,
                    "select k.id, k.secret_hash, k.role, k.last_used_at, t.id as tenant_id, t.slug, t.display_name"
                            + " from crm_control.api_key k join crm_control.tenant t on t.id = k.tenant_id"
                            + " where k.prefix = ? and k.revoked_at is null and t.status = 'ACTIVE'",
                    rs -> new Resolved(
                            new ApiKeyPrincipal(
                                    Jdbc.uuid(rs, "id"),
                                    new TenantRef(
                                            Jdbc.uuid(rs, "tenant_id"),
                                            rs.getString("slug"),
                                            rs.getString("display_name")),
                                    Role.valueOf(rs.getString("role"))),
                            rs.getBytes("secret_hash"),
                            Jdbc.instant(rs, "last_used_at")),
                    parts[1]);
            if (found.isEmpty() || !Secrets.sameHash(found.get().secretHash(), presented)) {
                return Optional.empty();
            }
            touch(c, found.get(), now);
            return Optional.of(found.get().principal());
        });
    }

    private record Resolved(ApiKeyPrincipal principal, byte[] secretHash, Instant lastUsedAt) {}

    private static void touch(Connection c, Resolved key, Instant now) throws SQLException {
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
            Jdbc.update(
                    c,
                    "update crm_control.api_key set last_used_at = ? where id = ?",
                    now,
                    key.principal().apiKeyId());
        }
    }

    private static Optional<ApiKey> findById(Connection c, UUID tenantId, UUID id) throws SQLException {
        return Jdbc.queryOne(
                c,
                "select " + COLUMNS + " from crm_control.api_key where tenant_id = ? and id = ?",
                ApiKeyService::row,
                tenantId,
                id);
    }

    private static ApiKey row(ResultSet rs) throws SQLException {
        return new ApiKey(
                Jdbc.uuid(rs, "id"),
                Jdbc.uuid(rs, "tenant_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                Role.valueOf(rs.getString("role")),
                rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "last_used_at"),
                Jdbc.instant(rs, "revoked_at"));
    }
}
