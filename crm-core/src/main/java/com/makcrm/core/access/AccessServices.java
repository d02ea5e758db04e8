package com.makcrm.core.access;

import com.makcrm.core.i18n.Messages;
import com.makcrm.core.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The access feature as plain Java: accounts, members, API keys and refresh tokens over the control schema
 * ({@code db/control} V3). Needs the control schema migrated.
 */
public final class AccessServices {

    /**
     * @param passwordHashing Argon2id cost of new password hashes
     * @param accountThrottle failed logins per account before lockouts start, and their growth
     * @param addressThrottle the same per client address
     * @param refreshTokenLifetime how long an unused refresh token stays valid
     */
    public record Settings(
            PasswordHasher.Params passwordHashing,
            ThrottlePolicy accountThrottle,
            ThrottlePolicy addressThrottle,
            Duration refreshTokenLifetime) {

        public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

        public Settings {
            Objects.requireNonNull(passwordHashing, "passwordHashing");
            Objects.requireNonNull(accountThrottle, "accountThrottle");
            Objects.requireNonNull(addressThrottle, "addressThrottle");
            if (refreshTokenLifetime == null || refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
                throw new IllegalArgumentException("refresh token lifetime must be positive: " + refreshTokenLifetime);
            }
        }

        public static Settings defaults() {
            return new Settings(
                    PasswordHasher.Params.DEFAULT,
                    ThrottlePolicy.ACCOUNT_DEFAULT,
                    ThrottlePolicy.ADDRESS_DEFAULT,
                    DEFAULT_REFRESH_TOKEN_LIFETIME);
        }
    }

    private final AccountService accounts;
    private final MemberService members;
    private final ApiKeyService apiKeys;
    private final ProfileService profiles;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    public AccessServices(DataSource dataSource, TenantService tenants, Settings settings, Clock clock) {
        Jdbc jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.throttle = new LoginThrottle(jdbc, clock);
        this.refreshTokens = new RefreshTokens(jdbc, settings.refreshTokenLifetime(), clock);
        this.accounts = new AccountService(
                jdbc,
                Objects.requireNonNull(tenants, "tenants"),
                new PasswordHasher(settings.passwordHashing()),
                throttle,
                settings.accountThrottle(),
                settings.addressThrottle());
        this.members = new MemberService(jdbc, refreshTokens);
        this.apiKeys = new ApiKeyService(jdbc, clock);
        this.profiles = new ProfileService(jdbc, Messages.fromClasspath());
    }

    public AccessServices(DataSource dataSource, TenantService tenants) {
        this(dataSource, tenants, Settings.defaults(), Clock.systemUTC());
    }

    public AccountService accounts() {
        return accounts;
    }

    public MemberService members() {
        return members;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    /** Housekeeping: forgets stale login counters and long-expired refresh tokens. Returns rows removed. */
    public int purgeStale(Duration olderThan) {
        return throttle.purgeStale(olderThan) + refreshTokens.purgeExpired(olderThan);
    }
}
