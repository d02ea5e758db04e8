package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Messages;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void acceptsALongEnoughPassword() {
        assertThat(PasswordRules.problem("correct horse", "a@example.com")).isNull();
        assertThat(PasswordRules.problem("пароль-длинный", "a@example.com")).isNull();
    }

    @Test
    void refusesShortLongRepeatedAndEmailPasswords() {
        assertThat(PasswordRules.problem(null, "a@example.com")).isEqualTo("a password is required");
        assertThat(PasswordRules.problem("short", "a@example.com")).contains("at least 10");
        assertThat(PasswordRules.problem("x".repeat(199) + "y!", "a@example.com"))
                .contains("at most 200");
        assertThat(PasswordRules.problem("aaaaaaaaaaaa", "a@example.com")).contains("repeated");
        assertThat(PasswordRules.problem("Long.Name@Example.com", "long.name@example.com"))
                .contains("email");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String nineEmoji = "😀😁😂🤣😃😄😅😆😉"; // 18 UTF-16 units, 9 characters
        assertThat(PasswordRules.problem(nineEmoji, "a@example.com")).contains("at least 10");
    }

    @Test
    void explainsAProblemInRussianAsAFieldError() {
        FieldError error = PasswordRules.check("password", "short", "a@example.com");

        assertThat(error.field()).isEqualTo("password");
        assertThat(error.message()).isEqualTo("must be at least 10 characters long");
        assertThat(Messages.fromClasspath().describe(error, Messages.RUSSIAN))
                .isEqualTo("должен содержать не менее 10 символов");
        assertThat(PasswordRules.check("password", "correct horse", "a@example.com"))
                .isNull();
    }
}
