package com.makcrm.core.access;

import java.time.Duration;

/**
 * When failed logins lock a key (an account or a client address): after {@code threshold} failures within
 * {@code window}, each further failure locks for {@code baseLockout}, doubled per failure beyond the threshold, up
 * to {@code maxLockout}. A success resets the account's count; the window's end forgets old failures.
 */
public record ThrottlePolicy(int threshold, Duration baseLockout, Duration maxLockout, Duration window) {

    /** Per account: 5 failures → 30 s, then 1, 2, 4 … min, at most 1 h. */
    public static final ThrottlePolicy ACCOUNT_DEFAULT =
            new ThrottlePolicy(5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    /** Per client address: generous (offices share addresses behind NAT), then the same curve. */
    public static final ThrottlePolicy ADDRESS_DEFAULT =
            new ThrottlePolicy(50, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1));

    public ThrottlePolicy {
        if (threshold < 1 || baseLockout.isNegative() || maxLockout.compareTo(baseLockout) < 0 || window.isZero()) {
            throw new IllegalArgumentException("invalid throttle policy: threshold " + threshold + ", lockout "
                    + baseLockout + ".." + maxLockout + ", window " + window);
        }
    }

    /** The lockout after the {@code failures}-th failure in a row; zero below the threshold. */
    Duration lockoutAfter(int failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration lockout = baseLockout.multipliedBy(1L << doublings);
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }
}
