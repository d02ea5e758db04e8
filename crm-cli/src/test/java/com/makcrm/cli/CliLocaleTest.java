package com.makcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliLocaleTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LANG=ru_RU.UTF-8 | ru",
                "LANG=ru_RU.UTF-8@euro | ru",
                "LANG=de_DE.UTF-8 | en",
                "LANG=C.UTF-8 | en",
                "LANG=POSIX | en",
                "LC_ALL=en_US.UTF-8,LANG=ru_RU.UTF-8 | en",
                "LC_MESSAGES=ru,LANG=en_US | ru",
                "LC_ALL=,LANG=ru_RU | ru",
                "HOME=/nowhere | en"
            })
    void readsTheLanguageFromThePosixLocaleVariables(String variables, String expected) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String pair : variables.split(",")) {
            String[] kv = pair.split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        }

        Locale locale = new CrmCommand(env).locale();

        assertThat(locale.toLanguageTag()).isEqualTo(expected);
    }
}
