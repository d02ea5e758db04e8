package com.makcrm.cli.i18n.crowdin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.makcrm.cli.i18n.crowdin.TranslationArchiveTest.LOCALES;
import static com.makcrm.cli.i18n.crowdin.TranslationArchiveTest.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Crowdin flow against a local fake answering with bodies shaped like Crowdin API v2's. */
class CrowdinSyncTest {

    @RegisterExtension
    static final WireMockExtension crowdin = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String API = "/api/v2/projects/42";
    private static final String SOURCE = catalog("en", "Contacts");
    private static final Set<String> LOCALE_SET = Set.of("en", "ru", "pseudo");

    @TempDir
    Path project;

    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void projectWithSource() throws IOException {
        Path source = project.resolve(LOCALES).resolve("en/messages.po");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
    }

    private CrowdinSync sync(String extraConfig) throws IOException {
        Path yml = project.resolve("crowdin.yml");
        Files.writeString(yml, """
                project_id_env: CROWDIN_PROJECT_ID
                api_token_env: CROWDIN_PERSONAL_TOKEN
                base_url: %s
                preserve_hierarchy: false
                export_languages: [ru]
                files:
                  - source: /%s/en/messages.po
                    translation: /%s/%%two_letters_code%%/messages.po
                    update_option: update_as_unapproved
                %s
                """.formatted(crowdin.baseUrl(), LOCALES, LOCALES, extraConfig));
        CrowdinConfig config =
                CrowdinConfig.load(yml, Map.of("CROWDIN_PROJECT_ID", "42", "CROWDIN_PERSONAL_TOKEN", "secret-token"));
        return new CrowdinSync(CrowdinClient.of(config, settings()), config);
    }

    private ClientSettings settings() {
        return ClientSettings.defaults().withPageSize(2).withSleeper(sleeps::add);
    }

    private static String list(String... items) {
        return "{\"data\":["
                + String.join(
                        ",", Stream.of(items).map(i -> "{\"data\":" + i + "}").toList())
                + "],\"pagination\":{\"offset\":0,\"limit\":2}}";
    }

    private static String file(long id, String name, Long directoryId) {
        return file(id, name, directoryId, 7L);
    }

    private static String file(long id, String name, Long directoryId, Long branchId) {
        return "{\"id\":%d,\"projectId\":42,\"branchId\":%s,\"directoryId\":%s,\"name\":\"%s\",\"title\":null,\"type\":\"gettext\",\"path\":\"/%s\",\"status\":\"active\"}"
                .formatted(id, branchId, directoryId, name, branchId == null ? name : "main/" + name);
    }

    private static String directory(long id, String name, Long parentId, Long branchId) {
        return "{\"id\":%d,\"projectId\":42,\"branchId\":%s,\"directoryId\":%s,\"name\":\"%s\"}"
                .formatted(id, branchId, parentId, name);
    }

    private static void stubStorage() {
        crowdin.stubFor(post("/api/v2/storages")
                .willReturn(okJson("{\"data\":{\"id\":1861,\"fileName\":\"messages.po\"}}")
                        .withStatus(201)));
    }

    private static void stubBranch() {
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches"))
                .willReturn(okJson(list("{\"id\":7,\"projectId\":42,\"name\":\"main\",\"title\":null}"))));
    }

    @Test
    void pushUploadsToStorageThenUpdatesTheFileFoundOnTheSecondPage() throws IOException {
        stubStorage();
        stubBranch();
        crowdin.stubFor(get(urlPathEqualTo(API + "/files"))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(list(file(101, "README.md", null), file(102, "messages.po", 9L)))));
        crowdin.stubFor(get(urlPathEqualTo(API + "/files"))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(list(file(103, "messages.po", null)))));
        crowdin.stubFor(
                put(API + "/files/103").willReturn(okJson("{\"data\":" + file(103, "messages.po", null) + "}")));

        List<CrowdinSync.Pushed> pushed = sync("branch: main").pushSources();

        assertThat(pushed).containsExactly(new CrowdinSync.Pushed("/messages.po", 103, false));
        crowdin.verify(postRequestedFor(urlPathEqualTo("/api/v2/storages"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withHeader("Crowdin-API-FileName", equalTo("messages.po"))
                .withHeader("Content-Type", equalTo("application/octet-stream"))
                .withRequestBody(binaryEqualTo(SOURCE.getBytes(StandardCharsets.UTF_8))));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/branches")).withQueryParam("name", equalTo("main")));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/files"))
                .withQueryParam("branchId", equalTo("7"))
                .withQueryParam("recursion", equalTo("true"))
                .withQueryParam("limit", equalTo("2"))
                .withQueryParam("offset", equalTo("2")));
        // the export pattern too, so a changed translation pattern in crowdin.yml reaches Crowdin
        crowdin.verify(putRequestedFor(urlPathEqualTo(API + "/files/103"))
                .withRequestBody(equalToJson("{\"storageId\":1861,\"exportOptions\":{\"exportPattern\":\"/" + LOCALES
                        + "/%two_letters_code%/messages.po\"}}")));
        crowdin.verify(0, postRequestedFor(urlPathEqualTo(API + "/files")));
    }

    @Test
    void pushCreatesTheBranchAndAddsTheFileWhenMissing() throws IOException {
        stubStorage();
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches")).willReturn(okJson(list())));
        crowdin.stubFor(post(API + "/branches")
                .willReturn(okJson("{\"data\":{\"id\":8,\"projectId\":42,\"name\":\"release-1\"}}")
                        .withStatus(201)));
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        crowdin.stubFor(post(API + "/files")
                .willReturn(okJson("{\"data\":" + file(200, "messages.po", null) + "}")
                        .withStatus(201)));

        List<CrowdinSync.Pushed> pushed = sync("branch: release-1").pushSources();

        assertThat(pushed).containsExactly(new CrowdinSync.Pushed("/messages.po", 200, true));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/branches"))
                .withRequestBody(equalToJson("{\"name\":\"release-1\"}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/files"))
                .withRequestBody(
                        equalToJson("{\"storageId\":1861,\"name\":\"messages.po\",\"type\":\"gettext\",\"branchId\":8,"
                                + "\"exportOptions\":{\"exportPattern\":\"/" + LOCALES
                                + "/%two_letters_code%/messages.po\"}}")));
    }

    @Test
    void pushWithPreservedHierarchyCreatesTheMissingDirectories() throws IOException {
        stubStorage();
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        crowdin.stubFor(get(urlPathEqualTo(API + "/directories"))
                .willReturn(okJson(list(
                        "{\"id\":30,\"projectId\":42,\"branchId\":null,\"directoryId\":null,\"name\":\"crm-core\"}"))));
        List<String> missing = List.of("src", "main", "resources", "i18n", "locales", "en");
        for (int i = 0; i < missing.size(); i++) {
            crowdin.stubFor(post(API + "/directories")
                    .withRequestBody(matchingJsonPath("$.name", equalTo(missing.get(i))))
                    .willReturn(okJson(
                                    "{\"data\":{\"id\":%d,\"projectId\":42,\"branchId\":null,\"directoryId\":%d,\"name\":\"%s\"}}"
                                            .formatted(31 + i, 30 + i, missing.get(i)))
                            .withStatus(201)));
        }
        crowdin.stubFor(post(API + "/files")
                .willReturn(okJson("{\"data\":" + file(201, "messages.po", 99L) + "}")
                        .withStatus(201)));

        List<CrowdinSync.Pushed> pushed = sync("preserve_hierarchy: true").pushSources();

        assertThat(pushed)
                .extracting(CrowdinSync.Pushed::crowdinPath)
                .containsExactly("/" + LOCALES + "/en/messages.po");
        // crm-core exists; src, main, resources, i18n, locales and en are created, each under the previous one
        crowdin.verify(6, postRequestedFor(urlPathEqualTo(API + "/directories")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/directories"))
                .withRequestBody(equalToJson("{\"name\":\"src\",\"directoryId\":30}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/directories"))
                .withRequestBody(equalToJson("{\"name\":\"en\",\"directoryId\":35}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/files"))
                .withRequestBody(matchingJsonPath("$.directoryId", equalTo("36"))));
    }

    @Test
    void pushInABranchListsItsNestedDirectoriesAndFilesRecursively() throws IOException {
        stubStorage();
        stubBranch();
        List<String> names = List.of("crm-core", "src", "main", "resources", "i18n", "locales", "en");
        List<String> nested = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            nested.add(directory(30 + i, names.get(i), i == 0 ? null : 29L + i, 7L));
        }
        // Crowdin answers a branch's listing with its top level only, unless asked to recurse
        crowdin.stubFor(get(urlPathEqualTo(API + "/directories")).willReturn(okJson(list(nested.get(0)))));
        for (int offset = 0; offset < nested.size(); offset += 2) { // pages of 2, as settings() asks
            crowdin.stubFor(get(urlPathEqualTo(API + "/directories"))
                    .withQueryParam("recursion", equalTo("true"))
                    .withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(okJson(list(nested.subList(offset, Math.min(offset + 2, nested.size()))
                            .toArray(String[]::new)))));
        }
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        crowdin.stubFor(get(urlPathEqualTo(API + "/files"))
                .withQueryParam("recursion", equalTo("true"))
                .willReturn(okJson(list(file(104, "messages.po", 36L)))));
        crowdin.stubFor(put(API + "/files/104").willReturn(okJson("{\"data\":" + file(104, "messages.po", 36L) + "}")));

        List<CrowdinSync.Pushed> pushed =
                sync("branch: main\npreserve_hierarchy: true").pushSources();

        assertThat(pushed).containsExactly(new CrowdinSync.Pushed("/" + LOCALES + "/en/messages.po", 104, false));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/directories"))
                .withQueryParam("branchId", equalTo("7"))
                .withQueryParam("recursion", equalTo("true")));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/files"))
                .withQueryParam("branchId", equalTo("7"))
                .withQueryParam("recursion", equalTo("true")));
        crowdin.verify(0, postRequestedFor(urlPathEqualTo(API + "/directories")));
        crowdin.verify(0, postRequestedFor(urlPathEqualTo(API + "/files")));
    }

    @Test
    void pushWithoutABranchDoesNotTakeABranchsRootFileForTheProjectsOwn() throws IOException {
        stubStorage();
        // without branchId Crowdin lists every branch's files too: this one is at the root of branch 7
        crowdin.stubFor(
                get(urlPathEqualTo(API + "/files")).willReturn(okJson(list(file(103, "messages.po", null, 7L)))));
        crowdin.stubFor(post(API + "/files")
                .willReturn(okJson("{\"data\":" + file(202, "messages.po", null, null) + "}")
                        .withStatus(201)));

        List<CrowdinSync.Pushed> pushed = sync("").pushSources();

        assertThat(pushed).containsExactly(new CrowdinSync.Pushed("/messages.po", 202, true));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/files")).withoutQueryParam("branchId"));
        crowdin.verify(0, putRequestedFor(urlPathEqualTo(API + "/files/103")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/files"))
                .withRequestBody(equalToJson("{\"storageId\":1861,\"name\":\"messages.po\",\"type\":\"gettext\","
                        + "\"exportOptions\":{\"exportPattern\":\"/" + LOCALES
                        + "/%two_letters_code%/messages.po\"}}")));
    }

    @Test
    void pushWithoutABranchDoesNotTakeABranchsTopDirectoryForTheProjectsOwn() throws IOException {
        stubStorage();
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        // crm-core exists, but only at the top of branch 7
        crowdin.stubFor(get(urlPathEqualTo(API + "/directories"))
                .willReturn(okJson(list(directory(30, "crm-core", null, 7L)))));
        List<String> missing = List.of("crm-core", "src", "main", "resources", "i18n", "locales", "en");
        for (int i = 0; i < missing.size(); i++) {
            crowdin.stubFor(post(API + "/directories")
                    .withRequestBody(matchingJsonPath("$.name", equalTo(missing.get(i))))
                    .willReturn(okJson("{\"data\":" + directory(60 + i, missing.get(i), i == 0 ? null : 59L + i, null)
                                    + "}")
                            .withStatus(201)));
        }
        crowdin.stubFor(post(API + "/files")
                .willReturn(okJson("{\"data\":" + file(203, "messages.po", 66L, null) + "}")
                        .withStatus(201)));

        sync("preserve_hierarchy: true").pushSources();

        crowdin.verify(7, postRequestedFor(urlPathEqualTo(API + "/directories")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/directories"))
                .withRequestBody(equalToJson("{\"name\":\"crm-core\"}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/directories"))
                .withRequestBody(equalToJson("{\"name\":\"src\",\"directoryId\":60}")));
        crowdin.verify(postRequestedFor(urlPathEqualTo(API + "/files"))
                .withRequestBody(matchingJsonPath("$.directoryId", equalTo("66"))));
    }

    @Test
    void uploadsAFileNameWithSpacesPercentEncoded() {
        stubStorage();
        CrowdinClient client =
                new CrowdinClient(java.net.URI.create(crowdin.baseUrl()), "t", "CROWDIN_PERSONAL_TOKEN", settings());

        long storageId = client.uploadToStorage("my messages+ü.po", new byte[] {1});

        assertThat(storageId).isEqualTo(1861);
        crowdin.verify(postRequestedFor(urlPathEqualTo("/api/v2/storages"))
                .withHeader("Crowdin-API-FileName", equalTo("my%20messages%2B%C3%BC.po")));
    }

    @Test
    void pullBuildsPollsUntilFinishedDownloadsAndUnpacks() throws IOException {
        byte[] archive = Zips.archive()
                .entry(LOCALES + "/ru/messages.po", catalog("ru", "Контакты"))
                .bytes();
        crowdin.stubFor(post(API + "/translations/builds")
                .willReturn(okJson("{\"data\":{\"id\":555,\"projectId\":42,\"status\":\"inProgress\",\"progress\":0,"
                                + "\"attributes\":{\"branchId\":null,\"targetLanguageIds\":[]}}}")
                        .withStatus(201)));
        crowdin.stubFor(get(API + "/translations/builds/555")
                .inScenario("build")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                        okJson("{\"data\":{\"id\":555,\"projectId\":42,\"status\":\"inProgress\",\"progress\":30}}"))
                .willSetStateTo("done"));
        crowdin.stubFor(get(API + "/translations/builds/555")
                .inScenario("build")
                .whenScenarioStateIs("done")
                .willReturn(
                        okJson("{\"data\":{\"id\":555,\"projectId\":42,\"status\":\"finished\",\"progress\":100}}")));
        crowdin.stubFor(get(API + "/translations/builds/555/download")
                .willReturn(okJson("{\"data\":{\"url\":\"" + crowdin.baseUrl()
                        + "/exports/555.zip?X-Amz-Signature=abc\",\"expireIn\":\"2026-11-28T17:00:00+00:00\"}}")));
        crowdin.stubFor(get(urlPathEqualTo("/exports/555.zip"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/zip")
                        .withBody(archive)));
        List<Integer> progress = new ArrayList<>();

        TranslationArchive.Extracted extracted = sync("").pullTranslations(LOCALE_SET, progress::add);

        Path ru = project.resolve(LOCALES).resolve("ru/messages.po");
        assertThat(extracted.written()).containsExactly(ru);
        assertThat(extracted.skipped()).isEmpty();
        assertThat(Files.readString(ru)).isEqualTo(catalog("ru", "Контакты"));
        assertThat(progress).containsExactly(0, 30, 100);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        crowdin.verify(
                postRequestedFor(urlPathEqualTo(API + "/translations/builds")).withRequestBody(equalToJson("{}")));
        crowdin.verify(getRequestedFor(urlPathEqualTo("/exports/555.zip")).withoutHeader("Authorization"));
    }

    @Test
    void pullOfAMaliciousArchiveWritesNothing() throws IOException {
        byte[] archive = Zips.archive()
                .entry(LOCALES + "/ru/messages.po", catalog("ru", "Контакты"))
                .entry("../../evil.po", catalog("ru", "pwned"))
                .bytes();
        crowdin.stubFor(post(API + "/translations/builds")
                .willReturn(okJson("{\"data\":{\"id\":556,\"status\":\"finished\",\"progress\":100}}")));
        crowdin.stubFor(get(API + "/translations/builds/556/download")
                .willReturn(okJson("{\"data\":{\"url\":\"" + crowdin.baseUrl() + "/exports/556.zip\"}}")));
        crowdin.stubFor(get("/exports/556.zip").willReturn(aResponse().withBody(archive)));
        CrowdinSync sync = sync("");

        assertThatThrownBy(() -> sync.pullTranslations(LOCALE_SET, p -> {}))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("'../../evil.po': path climbs out of its folder");

        assertThat(project.resolve(LOCALES).resolve("ru")).doesNotExist();
        assertThat(project.getParent().resolve("evil.po")).doesNotExist();
    }

    @Test
    void statusOfABranchReadsTheBranchsProgress() throws IOException {
        stubBranch();
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .willReturn(okJson(list(progress("ru", "Russian", 10, 0)))));
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches/7/languages/progress"))
                .willReturn(okJson(list(progress("ru", "Russian", 86, 13)))));

        List<CrowdinModel.LanguageProgress> status = sync("branch: main").status();

        assertThat(status)
                .extracting(CrowdinModel.LanguageProgress::translationProgress)
                .containsExactly(86);
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/branches")).withQueryParam("name", equalTo("main")));
        crowdin.verify(getRequestedFor(urlPathEqualTo(API + "/branches/7/languages/progress")));
        crowdin.verify(0, getRequestedFor(urlPathEqualTo(API + "/languages/progress")));
    }

    @Test
    void statusOfAMissingBranchSaysSoAndCreatesNothing() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/branches")).willReturn(okJson(list())));
        CrowdinSync sync = sync("branch: release-1");

        assertThatThrownBy(sync::status)
                .isInstanceOf(CrowdinException.class)
                .hasMessage("branch release-1 not found in project 42 (push the sources first)")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
        crowdin.verify(0, postRequestedFor(urlPathEqualTo(API + "/branches")));
        crowdin.verify(0, getRequestedFor(urlPathEqualTo(API + "/languages/progress")));
    }

    @Test
    void retriesA429AfterTheRetryAfterTheServerAsksFor() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .inScenario("rate")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody("{\"error\":{\"code\":429,\"message\":\"Too Many Requests\"}}"))
                .willSetStateTo("ok"));
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .inScenario("rate")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(list(progress("ru", "Russian", 86, 13)))));

        List<CrowdinModel.LanguageProgress> status = sync("").status();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(status).extracting(CrowdinModel.LanguageProgress::languageId).containsExactly("ru");
    }

    @Test
    void retriesServerErrorsWithGrowingWaitsThenGivesUp() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("{\"error\":{\"code\":503,\"message\":\"Service Unavailable\"}}")));
        CrowdinSync sync = sync("");

        assertThatThrownBy(sync::status)
                .isInstanceOf(CrowdinException.class)
                .hasMessage(
                        "Crowdin kept failing (HTTP 503) to read language progress after 5 attempts; try again later:"
                                + " Service Unavailable")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void readsLanguageProgressAcrossPages() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(list(progress("ru", "Russian", 86, 13), progress("de", "German", 40, 0)))));
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(list(progress("uk", "Ukrainian", 100, 100)))));

        List<CrowdinModel.LanguageProgress> status = sync("").status();

        assertThat(status)
                .containsExactly(
                        new CrowdinModel.LanguageProgress("ru", "Russian", 86, 13, 7249, 6234, 942),
                        new CrowdinModel.LanguageProgress("de", "German", 40, 0, 7249, 2899, 0),
                        new CrowdinModel.LanguageProgress("uk", "Ukrainian", 100, 100, 7249, 7249, 7249));
    }

    private static String progress(String id, String name, int translated, int approved) {
        return ("{\"words\":{\"total\":7249,\"translated\":%d,\"preTranslateAppliedTo\":0,\"approved\":%d},"
                        + "\"phrases\":{\"total\":3041,\"translated\":2631,\"approved\":1291},"
                        + "\"translationProgress\":%d,\"approvalProgress\":%d,\"languageId\":\"%s\","
                        + "\"language\":{\"id\":\"%s\",\"name\":\"%s\",\"twoLettersCode\":\"%s\"}}")
                .formatted(7249 * translated / 100, 7249 * approved / 100, translated, approved, id, id, name, id);
    }

    @Test
    void explainsARejectedTokenNamingItsVariable() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"message\":\"Unauthorized\",\"code\":401}}")));
        CrowdinSync sync = sync("");

        assertThatThrownBy(sync::status)
                .isInstanceOf(CrowdinException.class)
                .hasMessage(
                        "Crowdin rejected the API token (invalid, expired, or lacking the project scope) when trying to"
                                + " read language progress; set CROWDIN_PERSONAL_TOKEN to a valid personal access token")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.FORBIDDEN);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void explainsAnUnknownProject() throws IOException {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody("{\"error\":{\"message\":\"Project Not Found\",\"code\":404}}")));
        CrowdinSync sync = sync("");

        assertThatThrownBy(sync::status)
                .isInstanceOf(CrowdinException.class)
                .hasMessage("project 42 not found or not visible to this token (check project_id)")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.NOT_FOUND);
    }

    @Test
    void explainsAFileThatVanishedBeforeItsUpdate() throws IOException {
        stubStorage();
        crowdin.stubFor(
                get(urlPathEqualTo(API + "/files")).willReturn(okJson(list(file(103, "messages.po", null, null)))));
        crowdin.stubFor(put(API + "/files/103")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody("{\"error\":{\"message\":\"File Not Found\",\"code\":404}}")));
        CrowdinSync sync = sync("");

        assertThatThrownBy(sync::pushSources)
                .isInstanceOf(CrowdinException.class)
                .hasMessageStartingWith("file 103 not found in project 42");
    }

    @Test
    void explainsValidationErrorsWithCrowdinsFieldMessages() throws IOException {
        stubStorage();
        crowdin.stubFor(get(urlPathEqualTo(API + "/files")).willReturn(okJson(list())));
        crowdin.stubFor(post(API + "/files")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"errors\":[{\"error\":{\"key\":\"name\",\"errors\":[{\"code\":\"notUnique\","
                                + "\"message\":\"Name must be unique\"}]}}]}")));
        CrowdinSync sync = sync("");

        assertThatThrownBy(sync::pushSources)
                .isInstanceOf(CrowdinException.class)
                .hasMessage("Crowdin rejected the request to add file messages.po: name: Name must be unique")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    @Test
    void explainsANetworkFailureAfterRetrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CrowdinClient client = new CrowdinClient(
                java.net.URI.create("http://127.0.0.1:" + closedPort), "t", "CROWDIN_PERSONAL_TOKEN", settings());

        assertThatThrownBy(() -> client.languageProgress(42))
                .isInstanceOf(CrowdinException.class)
                .hasMessage(
                        "could not reach http://127.0.0.1:" + closedPort
                                + "/api/v2/projects/42/languages/progress to read language progress: connection refused (5 attempts)")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void givesUpWhenTheServerDoesNotAnswerInTime() {
        crowdin.stubFor(get(urlPathEqualTo(API + "/languages/progress"))
                .willReturn(okJson(list()).withFixedDelay(1500)));
        CrowdinClient client = new CrowdinClient(
                java.net.URI.create(crowdin.baseUrl()),
                "t",
                "CROWDIN_PERSONAL_TOKEN",
                settings().withRequestTimeout(Duration.ofMillis(200)));

        assertThatThrownBy(() -> client.languageProgress(42))
                .isInstanceOf(CrowdinException.class)
                .hasMessageStartingWith("Crowdin did not answer within 200 ms to read language progress");
    }
}
