package com.makcrm.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Problem details come back in the language the request's {@code Accept-Language} prefers among the catalogs' (en,
 * ru), English otherwise; only human text changes, never what programs switch on.
 */
class LocalizedProblemsTest extends ApiTestBase {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    private static String owner;

    @BeforeEach
    void owner() {
        if (owner == null) {
            owner = signup(email()).text("accessToken");
        }
    }

    @Test
    void notFoundIsInRussianForARussianRegionalLocale() {
        Response english = unknownCompany(null);
        Response russian = unknownCompany("ru-RU,ru;q=0.9");

        assertThat(russian.status()).isEqualTo(404);
        assertThat(russian.text("type")).isEqualTo(english.text("type")).endsWith("/not-found");
        assertThat(russian.text("title")).matches(CYRILLIC).isNotEqualTo(english.text("title"));
        assertThat(russian.header("Content-Language")).hasValue("ru");
        assertThat(russian.header("Vary"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Language"));
        assertThat(russian.json().propertyNames())
                .containsExactlyInAnyOrderElementsOf(english.json().propertyNames());
    }

    @Test
    void noHeaderOrAnUnsupportedLanguageIsAnsweredInEnglish() {
        Response none = unknownCompany(null);
        assertThat(none.text("title")).isEqualTo(ProblemType.NOT_FOUND.title());
        assertThat(none.header("Content-Language")).hasValue("en");

        Response german = unknownCompany("de-DE,de;q=0.9");
        assertThat(german.text("title")).isEqualTo(none.text("title"));
        assertThat(german.header("Content-Language")).hasValue("en");
    }

    @Test
    void qValuesPickTheLanguage() {
        assertThat(unknownCompany("en;q=0.3, ru;q=0.8").header("Content-Language"))
                .hasValue("ru");
        assertThat(unknownCompany("ru;q=0.2, en;q=0.9").header("Content-Language"))
                .hasValue("en");
        assertThat(unknownCompany("de, ru;q=0.5").header("Content-Language")).hasValue("ru");
    }

    @Test
    void aMalformedHeaderIsAnsweredInEnglishNotRefused() {
        for (String garbage : new String[] {"!!!", ";;;,,", "x".repeat(300), "=;q"}) {
            Response r = unknownCompany(garbage);
            assertThat(r.status()).as(garbage).isEqualTo(404);
            assertThat(r.header("Content-Language")).as(garbage).hasValue("en");
            assertThat(r.text("title")).as(garbage).isEqualTo(ProblemType.NOT_FOUND.title());
        }
    }

    @Test
    void translatableDetailsAreTranslatedAndEnglishStaysAsItWas() {
        Response translated = get("/api/v1/test-failures/translated", owner, "ru");
        assertThat(translated.status()).isEqualTo(404);
        assertThat(translated.text("detail")).matches(CYRILLIC);
        assertThat(get("/api/v1/test-failures/translated", owner, "en").text("detail"))
                .isEqualTo(CoreMessages.PROBLEM_NOT_FOUND_TITLE.source());

        Response serverOwn = get("/api/v1/no-such-thing", owner, "ru"); // the server's own wording
        assertThat(serverOwn.status()).isEqualTo(404);
        assertThat(serverOwn.text("detail")).isEqualTo("по адресу /api/v1/no-such-thing ничего нет");
        assertThat(get("/api/v1/no-such-thing", owner, "en").text("detail"))
                .isEqualTo("no resource at /api/v1/no-such-thing");

        // the query language's errors keep its syntax untranslated inside the Russian
        Response filter = get("/api/v1/companies?filter=name%20~~%203", owner, "ru");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.text("title")).matches(CYRILLIC);
        assertThat(filter.text("detail")).matches(CYRILLIC).contains("«~~»", "name[eq]:value");
        assertThat(get("/api/v1/companies?filter=name%20~~%203", owner, "en").text("detail"))
                .doesNotMatch(CYRILLIC)
                .contains("'~~'");
    }

    @Test
    void problemsFromTheSecurityFilterAreTranslatedToo() {
        Response missing = get("/api/v1/admin/members", null, "ru-RU");
        Response english = get("/api/v1/admin/members", null, null);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.text("type")).endsWith("/unauthorized");
        assertThat(missing.text("title")).matches(CYRILLIC).isNotEqualTo(english.text("title"));
        assertThat(missing.header("Content-Language")).hasValue("ru");
        assertThat(missing.header("Vary"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Language"));
        assertThat(missing.header("WWW-Authenticate")).hasValue("Bearer realm=\"makcrm\"");
        assertThat(missing.text("detail")).matches(CYRILLIC).contains("Authorization: Bearer");
        assertThat(english.text("detail"))
                .isEqualTo("this request needs credentials: send 'Authorization: Bearer <access token or API key>'");
        assertThat(english.header("Content-Language")).hasValue("en");
    }

    @Test
    void problemsWrittenBeforeTheControllersAreTranslatedToo() {
        String big = "{\"email\": \"" + "a".repeat(70 * 1024) + "\"}";
        Response tooLarge = api.send(
                "POST",
                "/api/v1/auth/login",
                "application/json",
                BodyPublishers.ofString(big),
                Map.of("Accept-Language", "ru"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("title")).matches(CYRILLIC);
        assertThat(tooLarge.header("Content-Language")).hasValue("ru");

        Response errorPage = get("/api/v1/test-failures/send-error", owner, "ru");
        assertThat(errorPage.status()).isEqualTo(503);
        assertThat(errorPage.text("title")).matches(CYRILLIC);
        assertThat(errorPage.header("Content-Language")).hasValue("ru");
    }

    @Test
    void successfulAnswersAndTheApiDocumentAreNotAffected() {
        Response english = get("/v3/api-docs", null, null);
        Response russian = get("/v3/api-docs", null, "ru");
        assertThat(russian.status()).isEqualTo(200);
        assertThat(russian.body()).isEqualTo(english.body());
        assertThat(russian.header("Content-Language")).isEmpty();

        Response members = get("/api/v1/admin/members", owner, "ru");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.header("Content-Language")).isEmpty();
    }

    private Response unknownCompany(String acceptLanguage) {
        return get("/api/v1/companies/" + UUID.randomUUID(), owner, acceptLanguage);
    }

    private Response get(String path, String bearer, String acceptLanguage) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        if (acceptLanguage != null) {
            headers.put("Accept-Language", acceptLanguage);
        }
        return api.send("GET", path, null, BodyPublishers.noBody(), headers);
    }
}
