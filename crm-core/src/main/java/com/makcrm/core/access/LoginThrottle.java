package com.makcrm.core.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed-login counters in {@code crm_control.login_throttle}, shared by every server instance. Keys are
 * {@code account:<email>} (known or not, so lockouts reveal nothing) and {@code ip:<address>}.
 */
final class LoginThrottle {

    private final Jdbc jdbc;
    private final Clock clock;

    LoginThrottle(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String accountKey(String email) {
        return "account:" + email;
    }

    static String addressKey(String address) {
        return "ip:" + address;
    }

    /** How long {@code key} is still locked, if it is. */
    Optional<Duration> lockedFor(String key) {
        Instant now = clock.instant();
        Optional<Instant> until = jdbc.read(
                        "checking login throttle",
                        c -> Jdbc.queryOne(
                                c,
                                "select locked_until from crm_control.login_throttle where key = ?",
                                rs -> Optional.ofNullable(Jdbc.instant(rs, "locked_until")),
                                key))
                .flatMap(o -> o);
        return until.filter(now::isBefore).map(u -> Duration.between(now, u));
    }

    /** Counts one failure against {@code key}; the lock (if any) starts now. */
    void recordFailure(String key, ThrottlePolicy policy) {
        Instant now = clock.instant();
        jdbc.inTransaction("recording a failed login", c -> {
            Jdbc.update(
                    c,
                    "insert into crm_control.login_throttle (key, failures, last_failure_at) values (?, 0, ?)"
                            + " on conflict (key) do nothing",
                    key,
                    now);
            int failures = Jdbc.queryOne(
                            c,
                            "select failures, last_failure_at from crm_control.login_throttle where key = ? for update",
                            rs -> Jdbc.instant(rs, "last_failure_at").isBefore(now.minus(policy.window()))
                                    ? 1
                                    : rs.getInt("failures") + 1,
                            key)
                    .orElse(1);
            Duration lockout = policy.lockoutAfter(failures);
            return Jdbc.update(
                    c,
                    "update crm_control.login_throttle set failures = ?, last_failure_at = ?, locked_until = ?"
                            + " where key = ?",
                    failures,
                    now,
                    lockout.isZero() ? null : now.plus(lockout),
                    key);
        });
    }

    void reset(String key) {
        jdbc.inTransaction("resetting login throttle", (Connection c) -> reset(c, key));
    }

    private static int reset(Connection c, String key) throws SQLException {
        return Jdbc.update(c, "delete from crm_control.login_throttle where key = ?", key);
    }

    /** Forgets counters with no failure and no lock for {@code olderThan}; for housekeeping jobs. */
    int purgeStale(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return jdbc.inTransaction(
                "purging login throttle",
                c -> Jdbc.update(
                        c,
                        "delete from crm_control.login_throttle where last_failure_at < ?"
                                + " and (locked_until is null or locked_until < ?)",
                        cutoff,
                        cutoff));
    }
}
