package com.makcrm.core.access;

import com.makcrm.core.access.MembershipStore.TenantMembership;
import com.makcrm.core.access.UserStore.UserRow;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: sign-up (a user, their own tenant and their OWNER membership, all or nothing) and password login with
 * throttling per account and per client address.
 */
public final class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final int MAX_EMAIL = 254;
    private static final int MAX_TENANT_NAME = 200;

    private final Jdbc jdbc;
    private final TenantService tenants;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final ThrottlePolicy accountPolicy;
    private final ThrottlePolicy addressPolicy;

    AccountService(
            Jdbc jdbc,
            TenantService tenants,
            PasswordHasher hasher,
            LoginThrottle throttle,
            ThrottlePolicy accountPolicy,
            ThrottlePolicy addressPolicy) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accountPolicy = accountPolicy;
        this.addressPolicy = addressPolicy;
    }

    /**
     * Creates a user, a new tenant named {@code tenantName} (slug derived from the name, made unique) and makes the
     * user its OWNER. All or nothing: the tenant is provisioned first, then user and membership are written in one
     * transaction; if that fails (e.g. the email was taken meanwhile: CONFLICT) the tenant is purged again, and if
     * provisioning fails no user was ever written. No connection is held while the tenant is provisioned, so
     * concurrent sign-ups cannot exhaust the pool.
     */
    public Session signup(String email, String password, String tenantName) {
        String normalizedEmail = checkSignup(email, password, tenantName);
        String name = tenantName.strip();
        if (jdbc.read("looking up the account", c -> UserStore.findByEmail(c, normalizedEmail))
                .isPresent()) {
            throw emailTaken(normalizedEmail); // the common case, answered before any tenant is made
        }
        String passwordHash = hasher.hash(password);
        UUID userId = UuidV7.next();
        String actor = "user:" + userId;
        Tenant tenant = provisionTenant(name, actor);
        try {
            jdbc.inTransaction("signing up", c -> {
                try {
                    UserStore.insert(c, userId, normalizedEmail, passwordHash);
                } catch (SQLException e) {
                    if (Sql.isUniqueViolation(e)) {
                        throw emailTaken(normalizedEmail);
                    }
                    throw e;
                }
                MembershipStore.insert(c, userId, tenant.id(), Role.OWNER, actor);
                return null;
            });
        } catch (RuntimeException e) {
            discard(tenant, actor, e);
            throw e;
        }
        return new Session(
                userId, normalizedEmail, new TenantRef(tenant.id(), tenant.slug(), tenant.displayName()), Role.OWNER);
    }

    private static CrmException emailTaken(String email) {
        return CrmException.conflict(AccessMessages.EMAIL_TAKEN, Map.of("email", email));
    }

    private String checkSignup(String email, String password, String tenantName) {
        FieldErrors errors = new FieldErrors();
        String normalized = null;
        if (email == null || email.isBlank()) {
            errors.add("email", AccessMessages.EMAIL_REQUIRED, Map.of());
        } else {
            normalized = errors.check("email", () -> Values.email("email", email));
        }
        FieldError problem = PasswordRules.check("password", password, email);
        if (problem != null) {
            errors.add(problem.field(), problem.localized(), problem.args());
        }
        if (tenantName == null || tenantName.isBlank()) {
            errors.add("tenantName", AccessMessages.TENANT_NAME_REQUIRED, Map.of());
        } else if (tenantName.strip().length() > MAX_TENANT_NAME) {
            errors.add("tenantName", AccessMessages.TOO_LONG, Map.of("max", MAX_TENANT_NAME));
        } else if (tenantName.chars().anyMatch(Character::isISOControl)) {
            errors.add("tenantName", AccessMessages.CONTROL_CHARACTERS, Map.of());
        }
        errors.throwIfAny();
        return normalized;
    }

    /** The first free slug the name suggests; TenantService's own lock and checks decide what "free" is. */
    private Tenant provisionTenant(String name, String actor) {
        for (String slug : SlugSuggestions.candidates(name, 8, 5)) {
            if (exists(slug)) {
                continue;
            }
            try {
                TenantService.Created result = tenants.create(slug, name, actor);
                if (result.created()) { // false: an identical tenant existed, which is someone else's
                    return result.tenant();
                }
            } catch (CrmException e) {
                if (e.category() != ErrorCategory.CONFLICT && e.category() != ErrorCategory.INVALID) {
                    throw e;
                }
                // taken meanwhile, busy, or a reserved word: try the next candidate
            }
        }
        throw CrmException.conflict(AccessMessages.NO_FREE_SLUG, Map.of("name", name));
    }

    private boolean exists(String slug) {
        try {
            tenants.get(slug);
            return true;
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private void discard(Tenant tenant, String actor, RuntimeException cause) {
        try {
            tenants.delete(tenant.slug(), true, actor);
            log.warn("sign-up failed after tenant {} was provisioned; purged it again", tenant.slug());
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /**
     * Checks email and password and picks the tenant: {@code tenantSlug} when given, else the user's only ACTIVE
     * tenant. Locked accounts and addresses get {@link TooManyAttemptsException} before any password check; a wrong
     * password (or unknown email: indistinguishable) gets {@link AuthenticationFailedException}.
     *
     * @param clientAddress the caller's network address for per-address throttling; null when there is none (CLI)
     */
    public Session login(String email, String password, String tenantSlug, String clientAddress) {
        String normalized = checkLogin(email, password);
        String accountKey = LoginThrottle.accountKey(normalized);
        String addressKey = clientAddress == null ? null : LoginThrottle.addressKey(clientAddress);
        refuseIfLocked(accountKey, addressKey);

        Optional<UserRow> user = jdbc.read("looking up the account", c -> UserStore.findByEmail(c, normalized));
        if (!passwordMatches(user, password)) {
            throttle.recordFailure(accountKey, accountPolicy);
            if (addressKey != null) {
                throttle.recordFailure(addressKey, addressPolicy);
            }
            throw new AuthenticationFailedException(AccessMessages.LOGIN_FAILED, Map.of());
        }
        throttle.reset(accountKey);
        UserRow u = user.orElseThrow();
        rehashIfOutdated(u, password);
        return chooseTenant(u, tenantSlug);
    }

    private static String checkLogin(String email, String password) {
        FieldErrors errors = new FieldErrors();
        if (email == null || email.isBlank()) {
            errors.add("email", AccessMessages.EMAIL_REQUIRED, Map.of());
        } else if (email.strip().length() > MAX_EMAIL) {
            errors.add("email", AccessMessages.TOO_LONG, Map.of("max", MAX_EMAIL));
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", AccessMessages.PASSWORD_REQUIRED, Map.of());
        }
        errors.throwIfAny();
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private void refuseIfLocked(String accountKey, String addressKey) {
        Duration wait = throttle.lockedFor(accountKey).orElse(Duration.ZERO);
        if (addressKey != null) {
            Duration byAddress = throttle.lockedFor(addressKey).orElse(Duration.ZERO);
            wait = byAddress.compareTo(wait) > 0 ? byAddress : wait;
        }
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(wait);
        }
    }

    private boolean passwordMatches(Optional<UserRow> user, String password) {
        if (password.length() > 4 * PasswordRules.MAX_LENGTH) {
            return false; // no account can have it; do not spend a hash on megabytes
        }
        if (user.isEmpty()) {
            hasher.verifyNothing(password);
            return false;
        }
        return hasher.verify(password, user.get().passwordHash());
    }

    private void rehashIfOutdated(UserRow user, String password) {
        if (hasher.needsRehash(user.passwordHash())) {
            String fresh = hasher.hash(password);
            jdbc.inTransaction("upgrading a password hash", c -> {
                UserStore.updatePasswordHash(c, user.id(), fresh);
                return null;
            });
        }
    }

    private Session chooseTenant(UserRow user, String tenantSlug) {
        List<TenantMembership> all =
                jdbc.read("listing the account's tenants", c -> MembershipStore.tenantsOf(c, user.id()));
        if (tenantSlug != null && !tenantSlug.isBlank()) {
            String wanted = tenantSlug.strip().toLowerCase(Locale.ROOT);
            TenantMembership m = all.stream()
                    .filter(t -> t.tenant().slug().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> Actor.forbidden(AccessMessages.NOT_A_MEMBER_OF_TENANT, Map.of("slug", wanted)));
            return session(user, requireActive(m));
        }
        List<TenantMembership> active =
                all.stream().filter(t -> "ACTIVE".equals(t.status())).toList();
        if (active.isEmpty()) {
            throw Actor.forbidden(AccessMessages.NO_ACTIVE_TENANT, Map.of());
        }
        if (active.size() > 1) {
            String slugs = active.stream().map(t -> t.tenant().slug()).collect(Collectors.joining(", "));
            throw CrmException.invalidFields(
                    List.of(FieldError.of("tenant", AccessMessages.SEVERAL_TENANTS, Map.of("slugs", slugs))));
        }
        return session(user, active.get(0));
    }

    private static TenantMembership requireActive(TenantMembership m) {
        if (!"ACTIVE".equals(m.status())) {
            throw Actor.forbidden(
                    AccessMessages.TENANT_NOT_ACTIVE,
                    Map.of("slug", m.tenant().slug(), "status", m.status().toLowerCase(Locale.ROOT)));
        }
        return m;
    }

    private static Session session(UserRow user, TenantMembership m) {
        return new Session(user.id(), user.email(), m.tenant(), m.role());
    }
}
