package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    @Test
    void lockoutDoublesFromTheThresholdUpToTheMaximum() {
        ThrottlePolicy p = ThrottlePolicy.ACCOUNT_DEFAULT;
        assertThat(p.lockoutAfter(4)).isZero();
        assertThat(p.lockoutAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.lockoutAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.lockoutAfter(8)).isEqualTo(Duration.ofMinutes(4));
        assertThat(p.lockoutAfter(20)).isEqualTo(Duration.ofHours(1));
        assertThat(p.lockoutAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }
}
