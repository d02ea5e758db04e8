package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugSuggestionsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Acme Corp|acme-corp",
                "ООО «Ромашка»|ooo-romashka",
                "Щука и Ёж|shchuka-i-ezh",
                "Їжак і Єнот|yizhak-i-yenot",
                "Café Müller|cafe-muller",
                "Straße|strasse",
                "  --Hello__World--  |hello-world",
                "42 Labs|t-42-labs",
                "X|x-team",
                "東京|team",
                "!!!|team"
            })
    void derivesAValidSlugFromAName(String name, String slug) {
        assertThat(SlugSuggestions.base(name)).isEqualTo(slug);
    }

    @Test
    void longNamesAreCutWithRoomForASuffix() {
        String slug = SlugSuggestions.base("The Very Long Name Of A Company That Never Ends Incorporated");
        assertThat(slug).hasSizeLessThanOrEqualTo(SlugSuggestions.MAX_BASE).doesNotEndWith("-");
        assertThat(SlugSuggestions.candidates("The Very Long Name Of A Company That Never Ends", 8, 5))
                .hasSize(14)
                .allSatisfy(s -> assertThat(s).matches("^[a-z][a-z0-9-]{1,38}[a-z0-9]$"));
    }
}
