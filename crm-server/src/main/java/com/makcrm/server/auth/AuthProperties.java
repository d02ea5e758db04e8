package com.makcrm.server.auth;

import com.makcrm.core.access.PasswordHasher;
import com.makcrm.core.access.ThrottlePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code crm.auth.*}; the secret also as {@code CRM_JWT_SECRET}, see application.yaml).
 *
 * @param jwtSecret HMAC-SHA256 key of access tokens, at least 32 bytes; all instances behind one load balancer need
 *     the same. Empty: a random key per process, for development only (a warning is logged)
 * @param issuer the {@code iss} claim written into, and required from, access tokens
 * @param accessTokenLifetime how long an access token is accepted
 * @param refreshTokenLifetime how long an unused refresh token stays valid
 * @param password Argon2id cost of new password hashes (OWASP's minimum by default)
 * @param accountThrottle lockouts after failed logins per account (unset parts: 5 failures, 30 s doubling to 1 h)
 * @param addressThrottle the same per client address (unset parts: 50 failures, 30 s doubling to 1 h)
 */
@ConfigurationProperties("crm.auth")
public record AuthProperties(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("makcrm") String issuer,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue Password password,
        Throttle accountThrottle,
        Throttle addressThrottle) {

    public record Password(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism) {

        PasswordHasher.Params params() {
            return new PasswordHasher.Params(memoryKib, iterations, parallelism);
        }
    }

    /**
     * Any part left unset keeps its default.
     *
     * @param threshold failures in a row before the first lockout
     * @param lockout the first lockout; each further failure doubles it
     * @param maxLockout the longest lockout
     * @param window failures older than this are forgotten
     */
    public record Throttle(Integer threshold, Duration lockout, Duration maxLockout, Duration window) {

        static ThrottlePolicy policy(Throttle configured, ThrottlePolicy defaults) {
            if (configured == null) {
                return defaults;
            }
            return new ThrottlePolicy(
                    configured.threshold != null ? configured.threshold : defaults.threshold(),
                    configured.lockout != null ? configured.lockout : defaults.baseLockout(),
                    configured.maxLockout != null ? configured.maxLockout : defaults.maxLockout(),
                    configured.window != null ? configured.window : defaults.window());
        }
    }
}
