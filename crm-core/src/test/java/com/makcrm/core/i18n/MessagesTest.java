package com.makcrm.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale RU_RU = Locale.forLanguageTag("ru-RU");
    private static final String NBSP = "\u00a0";
    private final Messages messages = Messages.fromClasspath();

    @ParameterizedTest
    @CsvSource({
        "1, 1 поле заполнено неверно",
        "2, 2 поля заполнены неверно",
        "5, 5 полей заполнено неверно",
        "11, 11 полей заполнено неверно",
        "21, 21 поле заполнено неверно",
        "22, 22 поля заполнены неверно",
        "25, 25 полей заполнено неверно"
    })
    void russianPluralsReadCorrectly(int count, String expected) {
        assertThat(messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, RU, Map.of("count", count)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 1 секунду", "2, 2 секунды", "5, 5 секунд", "11, 11 секунд", "21, 21 секунду", "22, 22 секунды"})
    void russianRetryAfterUsesTheAccusativePlural(int seconds, String expected) {
        assertThat(messages.format(CoreMessages.RATE_LIMIT_EXCEEDED, RU_RU, Map.of("seconds", seconds)))
                .isEqualTo("Слишком много запросов: повторите через " + expected);
    }

    @Test
    void englishPluralsReadCorrectly() {
        assertThat(messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, Locale.ENGLISH, Map.of("count", 1)))
                .isEqualTo("1 field is invalid");
        assertThat(messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, Locale.US, Map.of("count", 21)))
                .isEqualTo("21 fields are invalid");
    }

    @Test
    void englishEqualsTheExceptionTextsOfToday() {
        assertThat(messages.format(CoreMessages.TENANT_NOT_FOUND, Locale.ENGLISH, Map.of("slug", "acme")))
                .isEqualTo("tenant 'acme' not found");
        assertThat(messages.format(CoreMessages.TENANT_NOT_FOUND, RU, Map.of("slug", "acme")))
                .isEqualTo("тенант «acme» не найден");
    }

    @Test
    void selectPicksTheCaseAndFallsBackToOther() {
        assertThat(messages.format(CoreMessages.RECORD_CHANGED_BY, RU, Map.of("actorKind", "api", "actor", "anna")))
                .isEqualTo("изменено через API пользователем anna");
        assertThat(messages.format(
                        CoreMessages.RECORD_CHANGED_BY, Locale.ENGLISH, Map.of("actorKind", "bot", "actor", "anna")))
                .isEqualTo("changed by anna");
    }

    @Test
    void numberAndDateArgumentsFollowTheLocale() {
        Map<String, Object> quota = Map.of("used", 12345, "limit", 20000);
        assertThat(messages.format(CoreMessages.STORAGE_QUOTA_EXCEEDED, RU, quota))
                .isEqualTo("превышена квота хранилища: занято 12" + NBSP + "345 из 20" + NBSP + "000 МБ");
        assertThat(messages.format(CoreMessages.STORAGE_QUOTA_EXCEEDED, Locale.ENGLISH, quota))
                .isEqualTo("storage quota exceeded: 12,345 of 20,000 MB used");
        Map<String, Object> deleted = Map.of("slug", "acme", "date", Instant.parse("2026-03-05T12:00:00Z"));
        assertThat(messages.format(CoreMessages.TENANT_DELETED_ON, RU, deleted)).contains("5 марта 2026");
        assertThat(messages.format(CoreMessages.TENANT_DELETED_ON, Locale.ENGLISH, deleted))
                .contains("March 5, 2026");
    }

    @Test
    void formatsNumbersPerLocale() {
        assertThat(messages.formatNumber(1234567.5, RU)).isEqualTo("1" + NBSP + "234" + NBSP + "567,5");
        assertThat(messages.formatNumber(1234567.5, Locale.ENGLISH)).isEqualTo("1,234,567.5");
    }

    @Test
    void formatsMoneyPerLocale() {
        BigDecimal amount = new BigDecimal("1234.5");
        assertThat(messages.formatMoney(amount, Currency.getInstance("RUB"), RU))
                .isEqualTo("1" + NBSP + "234,50" + NBSP + "₽");
        assertThat(messages.formatMoney(amount, Currency.getInstance("USD"), Locale.ENGLISH))
                .isEqualTo("$1,234.50");
        assertThat(messages.formatMoney(amount, Currency.getInstance("USD"), RU))
                .isEqualTo("1" + NBSP + "234,50" + NBSP + "$");
    }

    @Test
    void formatsDatesPerLocaleAndZone() {
        Instant instant = Instant.parse("2026-03-05T14:30:00Z");
        assertThat(messages.formatDate(instant, ZoneId.of("Europe/Moscow"), RU))
                .isEqualTo("5 мар. 2026\u202fг., 17:30");
        assertThat(messages.formatDate(instant, ZoneId.of("UTC"), Locale.ENGLISH))
                .startsWith("Mar 5, 2026, 2:30")
                .endsWith("PM");
    }

    @Test
    void fallsBackFromRegionToLanguageToEnglish() {
        Message greeting = new Message("greeting", "Hello", "");
        Message farewell = new Message("farewell", "Goodbye", "");
        Messages catalogs = Messages.of(Map.of(
                "en", catalog(Map.of("greeting", "Hello", "farewell", "Goodbye")),
                "ru", catalog(Map.of("greeting", "Привет", "farewell", ""))));

        assertThat(catalogs.format(greeting, RU_RU, Map.of())).isEqualTo("Привет");
        assertThat(catalogs.format(farewell, RU_RU, Map.of())).isEqualTo("Goodbye");
        assertThat(catalogs.format(greeting, Locale.GERMANY, Map.of())).isEqualTo("Hello");
        assertThat(catalogs.format(greeting, null, Map.of())).isEqualTo("Hello");
        assertThat(Messages.chain(RU_RU)).containsExactly("ru-RU", "ru", "en");
    }

    @Test
    void aMessageInNoCatalogUsesItsSource() {
        Message unknown = new Message("nowhere.toBeFound", "{n, plural, one {# thing} other {# things}}", "");

        assertThat(messages.format(unknown, RU, Map.of("n", 3))).isEqualTo("3 things");
    }

    @Test
    void badArgumentsNeverThrow() {
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("count", null);
        assertThatCode(() -> {
                    messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, RU, Map.of("count", "many"));
                    messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, RU, nulls);
                    messages.format(CoreMessages.TENANT_DELETED_ON, RU, Map.of("date", "yesterday"));
                    messages.format(CoreMessages.VALIDATION_FIELDS_INVALID, RU, null);
                    messages.format(null, RU, Map.of());
                    messages.format(new Message("broken", "{unclosed", ""), RU, Map.of());
                })
                .doesNotThrowAnyException();
        assertThat(messages.format(CoreMessages.TENANT_NOT_FOUND, RU, Map.of())).isEqualTo("тенант «{slug}» не найден");
        assertThat(messages.format(new Message("broken", "{unclosed", ""), RU, Map.of()))
                .isEqualTo("{unclosed");
    }

    @Test
    void pseudoLocaleShowsAccentedText() {
        assertThat(messages.format(CoreMessages.TENANT_NOT_FOUND, Messages.PSEUDO, Map.of("slug", "acme")))
                .isEqualTo("[ţéñåñţ 'acme' ñöţ ƒöûñð]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ru-RU,ru;q=0.9,en;q=0.8 | ru",
                "de | en",
                "en;q=0, ru;q=0.1 | ru",
                "de-DE, ru;q=0.5, en;q=0.4 | ru",
                "en-GB,en;q=0.9 | en",
                "RU | ru",
                "pseudo | pseudo",
                "pseudo-x | en",
                "* | en",
                "'' | en",
                ";;;,,q=, ru;q=abc | en",
                "\u0000\u00ff garbage ** | en"
            })
    void negotiatesAcceptLanguage(String header, String expected) {
        assertThat(messages.negotiate(header).toLanguageTag()).isEqualTo(expected);
    }

    @Test
    void negotiatesNullAsEnglishAndListsTheSupportedLocales() {
        assertThat(messages.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(messages.supported()).containsExactly(Locale.ENGLISH, RU, Messages.PSEUDO);
    }

    private static PoCatalog catalog(Map<String, String> texts) {
        PoCatalog catalog = PoCatalog.create("xx");
        for (var e : texts.entrySet()) {
            catalog = catalog.with(PoEntry.explicitId(e.getKey(), e.getValue(), List.of(), List.of()));
        }
        return catalog;
    }
}
