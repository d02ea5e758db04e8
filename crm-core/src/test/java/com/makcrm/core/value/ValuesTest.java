package com.makcrm.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "' Alice@Example.COM ', alice@example.com",
        "bob.smith+crm@mail.example.org, bob.smith+crm@mail.example.org"
    })
    void normalizesEmailsToLowercase(String raw, String expected) {
        assertThat(Values.email("email", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "@example.com", "a b@example.com"})
    void rejectsMalformedEmailsNamingTheField(String raw) {
        assertThatThrownBy(() -> Values.email("emails.primary", raw))
                .isInstanceOf(CrmException.class)
                .hasMessageStartingWith("emails.primary: ");
    }

    @ParameterizedTest
    @CsvSource({
        "'+7 (912) 345-67-89', , +79123456789",
        "'8 912 345 67 89', RU, +79123456789",
        "'(415) 555-0123', US, +14155550123",
        "'+1 415 555 0123', DE, +14155550123"
    })
    void normalizesPhonesToE164(String raw, String region, String expected) {
        assertThat(Values.phone("phones.primary", raw, region)).isEqualTo(expected);
    }

    @Test
    void localPhoneWithoutRegionAsksForInternationalFormat() {
        assertThatThrownBy(() -> Values.phone("phones.primary", "912 345 67 89", null))
                .hasMessageContaining("international format");
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.Example.com/about?x=1, example.com",
        "EXAMPLE.org., example.org",
        "sub.example.co.uk:8080, sub.example.co.uk",
        "пример.рф, xn--e1afmkfd.xn--p1ai"
    })
    void normalizesDomains(String raw, String expected) {
        assertThat(Values.domain("domain", raw)).isEqualTo(expected);
    }

    @Test
    void rejectsNonHttpUrlsAndUnknownCurrencies() {
        assertThatThrownBy(() -> Values.url("linkedinUrl", "javascript:alert(1)"))
                .isInstanceOf(CrmException.class);
        assertThatThrownBy(() -> Values.currency("amount.currency", "XYZW")).isInstanceOf(CrmException.class);
        assertThat(Values.currency("amount.currency", "rub")).isEqualTo("RUB");
        assertThat(Values.country("address.country", "de")).isEqualTo("DE");
    }
}
