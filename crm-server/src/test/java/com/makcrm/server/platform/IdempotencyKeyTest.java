package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static String parse(String... values) {
        return IdempotencyKey.parse(Collections.enumeration(List.of(values)));
    }

    @Test
    void acceptsBareAndStructuredFieldStringKeys() {
        assertThat(parse("8e03978e-40d5-43e8-bc93-6894a57f9324")).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(parse("\"8e03978e-40d5\"")).isEqualTo("8e03978e-40d5");
        assertThat(parse("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
        assertThat(parse("x".repeat(255))).hasSize(255);
        assertThat(parse("order 42 / retry ~ ok!")).isEqualTo("order 42 / retry ~ ok!");
    }

    @Test
    void absentHeaderMeansNoKey() {
        assertThat(parse()).isNull();
        assertThat(IdempotencyKey.parse(null)).isNull();
    }

    @Test
    void rejectsEmptyTooLongAndNonAsciiKeys() {
        for (String bad : List.of("", "  ", "\"\"", "x".repeat(256), "ключ", "tab\there")) {
            assertThatThrownBy(() -> parse(bad))
                    .as(bad)
                    .isInstanceOf(com.makcrm.core.error.CrmException.class)
                    .hasMessage(IdempotencyKey.RULE);
        }
    }

    @Test
    void rejectsMoreThanOneKey() {
        assertThatThrownBy(() -> parse("a", "b"))
                .isInstanceOf(com.makcrm.core.error.CrmException.class)
                .hasMessageContaining("one Idempotency-Key header");
    }
}
