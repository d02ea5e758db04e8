package com.makcrm.cli.i18n;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.ExitCodes;
import com.makcrm.core.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm i18n push} and {@code pull} end to end against a local fake of Crowdin API v2. */
class I18nSyncCommandsTest {

    @RegisterExtension
    static final WireMockExtension crowdin = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String API = "/api/v2/projects/42";

    @TempDir
    Path home;

    private Path config;

    @BeforeEach
    void projectWithShippedCatalogs() throws IOException {
        config = Files.writeString(home.resolve("crowdin.yml"), """
                project_id_env: CROWDIN_PROJECT_ID
                api_token_env: CROWDIN_PERSONAL_TOKEN
                base_url: %s
                files:
                  - source: /locales/en/messages.po
                    translation: /locales/%%two_letters_code%%/messages.po
                """.formatted(crowdin.baseUrl()));
        for (String locale : Messages.LOCALES) {
            Files.createDirectories(catalog(locale).getParent());
            Files.writeString(catalog(locale), shipped(locale));
        }
    }

    private Path catalog(String locale) {
        return home.resolve("locales/" + locale + "/messages.po");
    }

    private static String shipped(String locale) throws IOException {
        try (InputStream in = I18nSyncCommandsTest.class
                .getClassLoader()
                .getResourceAsStream(Messages.CATALOG_ROOT + locale + "/messages.po")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Result crm(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--crowdin-config";
        all[args.length + 1] = config.toString();
        return Cli.withHome(home)
                .env("CROWDIN_PROJECT_ID", "42")
                .env("CROWDIN_PERSONAL_TOKEN", "tok")
                .run(all);
    }

    private static String list(String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"pagination\":{\"offset\":0,\"limit\":500}}";
    }

    private static void stubBranchMain() {
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches"))
                .willReturn(okJson(list("{\"data\":{\"id\":7,\"projectId\":42,\"name\":\"main\",\"title\":null}}"))));
    }

    private static void stubFinishedBuild(byte[] archive) {
        crowdin.stubFor(post(API + "/translations/builds")
                .willReturn(okJson("{\"data\":{\"id\":555,\"projectId\":42,\"status\":\"finished\",\"progress\":100}}")
                        .withStatus(201)));
        crowdin.stubFor(get(API + "/translations/builds/555/download")
                .willReturn(okJson("{\"data\":{\"url\":\"" + crowdin.baseUrl() + "/exports/555.zip\"}}")));
        crowdin.stubFor(get(urlPathEqualTo("/exports/555.zip"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/zip")
                        .withBody(archive)));
    }

    /** An archive of the given entries: name, content, name, content... */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void pushUploadsTheSourceCatalogIntoTheBranchGiven() {
        crowdin.stubFor(post("/api/v2/storages")
                .willReturn(okJson("{\"data\":{\"id\":1861,\"fileName\":\"messages.po\"}}")
                        .withStatus(201)));
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches")).willReturn(okJson(list())));
        crowdin.stubFor(post(API + "/branches")
                .willReturn(okJson("{\"data\":{\"id\":8,\"projectId\":42,\"name\":\"release-1\"}}")
                        .withStatus(201)));
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        crowdin.stubFor(post(API + "/files")
                .willReturn(okJson("{\"data\":{\"id\":200,\"projectId\":42,\"branchId\":8,\"directoryId\":null,"
                                + "\"name\":\"messages.po\",\"type\":\"gettext\",\"path\":\"/release-1/messages.po\"}}")
                        .withStatus(201)));

        Result r = crm("i18n", "push", "--branch", "release-1");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines()).containsExactly("added   /messages.po (file 200)");
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/branches"))
                .withRequestBody(equalToJson("{\"name\":\"release-1\"}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo("/api/v2/storages"))
                .withHeader("Crowdin-API-FileName", equalTo("messages.po")));
    }

    @Test
    void pullUnpacksTheTranslationsOfTheBranchThenCompiles() throws IOException {
        stubBranchMain();
        String pulled = shipped("ru").replace("msgstr \"Конфликт\"", "msgstr \"Конфликт состояний\"");
        stubFinishedBuild(zip("locales/ru/messages.po", pulled));

        Result r = crm("i18n", "pull", "--branch", "main");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.readString(catalog("ru"))).isEqualTo(pulled);
        assertThat(r.outLines())
                .anySatisfy(line -> assertThat(line).startsWith("pulled ").endsWith("ru/messages.po"));
        int declared = com.makcrm.core.i18n.MessageRegistry.messages().size();
        assertThat(r.outLines()).contains("ru: " + declared + "/" + declared + " translated, valid");
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/translations/builds"))
                .withRequestBody(equalToJson("{\"branchId\":7}")));
    }

    @Test
    void pullSkipsTheOtherLanguagesAndBranchesOfTheBuildSayingSo() throws IOException {
        String pulled = shipped("ru").replace("msgstr \"Конфликт\"", "msgstr \"Конфликт состояний\"");
        stubFinishedBuild(zip(
                "locales/ru/messages.po",
                pulled,
                "locales/de/messages.po",
                shipped("ru"),
                "release-1/locales/ru/messages.po",
                shipped("ru")));

        Result r = crm("i18n", "pull");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.readString(catalog("ru"))).isEqualTo(pulled);
        assertThat(home.resolve("locales/de")).doesNotExist();
        assertThat(home.resolve("release-1")).doesNotExist();
        assertThat(r.errLines())
                .containsExactly(
                        "skipped: locales/de/messages.po (no catalog for locale 'de')",
                        "skipped: release-1/locales/ru/messages.po (matches no translation pattern of crowdin.yml)");
    }

    @Test
    void refusesABranchNameCrowdinWouldRefuseBeforeAnyRequest() {
        Result r = crm("i18n", "push", "--branch", "feature/login");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--branch: branch name 'feature/login' contains '/'");
        assertThat(crowdin.getAllServeEvents()).isEmpty();
    }

    @Test
    void pullOfABrokenTranslationNamesItAndExitsTwo() throws IOException {
        String pulled = shipped("ru").replace("тенант «{slug}» не найден", "тенант не найден");
        stubFinishedBuild(zip("locales/ru/messages.po", pulled));

        Result r = crm("i18n", "pull");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines())
                .containsExactly("ru: tenant.notFound: placeholder {slug} missing", "ERROR: 1 problem in the catalogs");
    }
}
