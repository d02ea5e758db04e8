package com.makcrm.cli.i18n;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class I18nStatusCommandTest {

    @RegisterExtension
    static final WireMockExtension crowdin = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PROGRESS = "/api/v2/projects/42/languages/progress";

    @TempDir
    Path home;

    private Path config;

    @BeforeEach
    void crowdinYml() throws IOException {
        config = Files.writeString(home.resolve("crowdin.yml"), """
                project_id_env: CROWDIN_PROJECT_ID
                api_token_env: CROWDIN_PERSONAL_TOKEN
                base_url: %s
                files:
                  - source: /locales/en/messages.po
                    translation: /locales/%%two_letters_code%%/messages.po
                """.formatted(crowdin.baseUrl()));
    }

    private Cli cli() {
        return Cli.withHome(home).env("CROWDIN_PROJECT_ID", "42").env("CROWDIN_PERSONAL_TOKEN", "tok");
    }

    private static void stubProgress() {
        crowdin.stubFor(get(urlPathEqualTo(PROGRESS))
                .willReturn(okJson("{\"data\":[{\"data\":{\"words\":{\"total\":120,\"translated\":90,\"approved\":30},"
                        + "\"translationProgress\":75,\"approvalProgress\":25,\"languageId\":\"ru\","
                        + "\"language\":{\"id\":\"ru\",\"name\":\"Russian\"}}}],"
                        + "\"pagination\":{\"offset\":0,\"limit\":500}}")));
    }

    @Test
    void printsProgressPerLanguage() {
        stubProgress();

        Result r = cli().run("i18n", "status", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines())
                .containsExactly(
                        "LANGUAGE  NAME     TRANSLATED  APPROVED  WORDS",
                        "ru        Russian  75%         25%       90/120");
    }

    @Test
    void printsTheProgressOfTheBranchGiven() {
        crowdin.stubFor(get(urlPathEqualTo("/api/v2/projects/42/branches"))
                .withQueryParam("name", equalTo("release-1"))
                .willReturn(okJson("{\"data\":[{\"data\":{\"id\":8,\"projectId\":42,\"name\":\"release-1\"}}],"
                        + "\"pagination\":{\"offset\":0,\"limit\":500}}")));
        crowdin.stubFor(get(urlPathEqualTo("/api/v2/projects/42/branches/8/languages/progress"))
                .willReturn(okJson("{\"data\":[{\"data\":{\"words\":{\"total\":10,\"translated\":5,\"approved\":0},"
                        + "\"translationProgress\":50,\"approvalProgress\":0,\"languageId\":\"ru\","
                        + "\"language\":{\"id\":\"ru\",\"name\":\"Russian\"}}}],"
                        + "\"pagination\":{\"offset\":0,\"limit\":500}}")));

        Result r = cli().run("i18n", "status", "--branch", "release-1", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines())
                .containsExactly(
                        "LANGUAGE  NAME     TRANSLATED  APPROVED  WORDS",
                        "ru        Russian  50%         0%        5/10");
        crowdin.verify(0, getRequestedFor(urlPathEqualTo(PROGRESS)));
    }

    @Test
    void printsAStableJsonView() {
        stubProgress();

        Result r = cli().run("i18n", "status", "-o", "json", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().replaceAll("\\s", ""))
                .isEqualTo(
                        "[{\"language\":\"ru\",\"name\":\"Russian\",\"translationProgress\":75,\"approvalProgress\":25,"
                                + "\"words\":{\"total\":120,\"translated\":90,\"approved\":30}}]");
    }

    @Test
    void aRejectedTokenIsAUsageError() {
        crowdin.stubFor(get(urlPathEqualTo(PROGRESS))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"message\":\"Unauthorized\",\"code\":401}}")));

        Result r = cli().run("i18n", "status", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines())
                .containsExactly(
                        "ERROR: Crowdin rejected the API token (invalid, expired, or lacking the project scope)"
                                + " when trying to read language progress; set CROWDIN_PERSONAL_TOKEN to a valid personal"
                                + " access token");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        crowdin.stubFor(get(urlPathEqualTo(PROGRESS)).willReturn(aResponse().withStatus(404)));

        Result r = cli().run("i18n", "status", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).contains("ERROR: project 42 not found or not visible to this token");
    }

    @Test
    void aMissingTokenNamesItsVariable() {
        Result r = Cli.withHome(home)
                .env("CROWDIN_PROJECT_ID", "42")
                .run("i18n", "status", "--crowdin-config", config.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("ERROR: no Crowdin API token: set the environment variable CROWDIN_PERSONAL_TOKEN");
        crowdin.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
