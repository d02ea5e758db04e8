package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantBindingTest {

    private static final String A = "t_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "t_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private final TenantBinding binding = new TenantBinding();

    @Test
    void bindsOnlyForTheDurationOfTheCall() {
        assertThat(binding.current()).isEqualTo(TenantBinding.NO_TENANT);
        assertThat(binding.call(A, binding::current)).isEqualTo(A);
        assertThat(binding.current()).isEqualTo(TenantBinding.NO_TENANT);
    }

    @Test
    void unbindsWhenTheCallFails() {
        assertThatThrownBy(() -> binding.call(A, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(binding.current()).isEqualTo(TenantBinding.NO_TENANT);
    }

    @Test
    void restoresTheOuterTenantAfterANestedCall() {
        String seen = binding.call(A, () -> {
            assertThat(binding.call(B, binding::current)).isEqualTo(B);
            return binding.current();
        });
        assertThat(seen).isEqualTo(A);
    }

    @Test
    void isInvisibleToOtherThreads() throws InterruptedException {
        String[] seenElsewhere = new String[1];
        binding.call(A, () -> {
            Thread other = new Thread(() -> seenElsewhere[0] = binding.current());
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(seenElsewhere[0]).isEqualTo(TenantBinding.NO_TENANT);
    }
}
