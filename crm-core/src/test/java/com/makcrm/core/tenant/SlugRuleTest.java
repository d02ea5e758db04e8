package com.makcrm.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a1b", "acme-corp", "x-2024", "a234567890123456789012345678901234567890"})
    void acceptsPlainLowercaseSlugs(String slug) {
        assertThat(SlugRule.check(slug)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Acme",
                "ab",
                "1acme",
                "acme-",
                "-acme",
                "ac_me",
                "ac me",
                "acmé",
                "a2345678901234567890123456789012345678901"
            })
    void rejectsSlugsBreakingTheRuleAndQuotesTheRule(String slug) {
        assertThatThrownBy(() -> SlugRule.check(slug))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("'" + slug + "'")
                .hasMessageContaining(SlugRule.RULE)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "admin", "api", "www", "crm-control"})
    void rejectsReservedWords(String slug) {
        assertThatThrownBy(() -> SlugRule.check(slug))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("reserved")
                .hasMessageContaining(SlugRule.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "bad\u0007name"})
    void rejectsBlankOrControlCharacterNames(String name) {
        assertThatThrownBy(() -> SlugRule.checkDisplayName(name)).isInstanceOf(CrmException.class);
    }

    @Test
    void explainsAReservedSlugInRussianAndKeepsTheEnglishText() {
        CrmException e = (CrmException) catchThrowable(() -> SlugRule.check("admin"));

        assertThat(e.getMessage()).isEqualTo("tenant slug 'admin' is reserved; choose another (" + SlugRule.RULE + ")");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("короткое имя тенанта «admin» зарезервировано; выберите другое (3–40 символов: строчные"
                        + " латинские буквы, цифры и «-»; начинается с буквы, не заканчивается на «-»)");
    }

    @Test
    void explainsATooLongNameInRussian() {
        CrmException e = (CrmException) catchThrowable(() -> SlugRule.checkDisplayName("x".repeat(1500)));

        assertThat(e.getMessage()).isEqualTo("tenant name must be 1-200 characters, got 1500");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("название тенанта должно содержать от 1 до 200 символов, получено 1500");
    }
}
