package com.makcrm.cli.i18n.crowdin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrowdinConfigTest {

    private static final String FILES = """
            files:
              - source: /crm-core/src/main/resources/i18n/locales/en/messages.po
                translation: /crm-core/src/main/resources/i18n/locales/%two_letters_code%/%original_file_name%
            """;

    @TempDir
    Path dir;

    private Path yml(String text) throws IOException {
        return Files.writeString(dir.resolve("crowdin.yml"), text);
    }

    @Test
    void readsTheOfficialCliKeysTakingSecretsFromTheNamedVariables() throws IOException {
        Path file = yml("""
                "project_id_env": "CROWDIN_PROJECT_ID"
                "api_token_env": "CROWDIN_PERSONAL_TOKEN"
                "base_url": "https://acme.api.crowdin.com"
                "base_path": "."
                "preserve_hierarchy": true
                "pseudo_localization": {"length_correction": 25}
                """ + FILES);

        CrowdinConfig config =
                CrowdinConfig.load(file, Map.of("CROWDIN_PROJECT_ID", "123", "CROWDIN_PERSONAL_TOKEN", "tok"));

        assertThat(config.projectId()).isEqualTo(123);
        assertThat(config.apiToken()).isEqualTo("tok");
        assertThat(config.tokenSource()).isEqualTo("CROWDIN_PERSONAL_TOKEN");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://acme.api.crowdin.com"));
        assertThat(config.basePath()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(config.preserveHierarchy()).isTrue();
        FileMapping mapping = config.files().get(0);
        assertThat(mapping.exportPattern())
                .isEqualTo("/crm-core/src/main/resources/i18n/locales/%two_letters_code%/messages.po");
        assertThat(mapping.translationPath("ru")).isEqualTo("crm-core/src/main/resources/i18n/locales/ru/messages.po");
        assertThat(mapping.catalogFolder()).isEqualTo("crm-core/src/main/resources/i18n/locales");
        assertThat(mapping.languageOf("crm-core/src/main/resources/i18n/locales/ru/messages.po"))
                .isEqualTo("ru");
        assertThat(mapping.languageOf("crm-core/src/main/resources/i18n/ru/messages.po"))
                .isNull();
    }

    @Test
    void defaultsToCrowdinComAndAcceptsLiteralValues() throws IOException {
        CrowdinConfig config = CrowdinConfig.load(yml("project_id: 7\napi_token: literal\n" + FILES), Map.of());

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.crowdin.com"));
        assertThat(config.tokenSource()).isEqualTo("api_token in crowdin.yml");
        assertThat(config.branch()).isNull();
    }

    @Test
    void namesTheVariableWhenTheTokenIsMissing() throws IOException {
        Path file = yml("project_id: 7\napi_token_env: CROWDIN_PERSONAL_TOKEN\n" + FILES);

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of("CROWDIN_PERSONAL_TOKEN", " ")))
                .isInstanceOf(CrmException.class)
                .hasMessage("no Crowdin API token: set the environment variable CROWDIN_PERSONAL_TOKEN"
                        + " (crowdin.yml names it in api_token_env)");
    }

    @Test
    void suggestsTheKeysWhenTheProjectIsNotConfigured() throws IOException {
        Path file = yml("api_token: t\n" + FILES);

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of()))
                .isInstanceOf(CrmException.class)
                .hasMessage("no Crowdin project id: crowdin.yml needs project_id_env (e.g. project_id_env:"
                        + " CROWDIN_PROJECT_ID) or project_id");
    }

    @Test
    void rejectsAProjectIdThatIsNotANumber() throws IOException {
        Path file = yml("project_id_env: PID\napi_token: t\n" + FILES);

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of("PID", "my-project")))
                .isInstanceOf(CrmException.class)
                .hasMessage("crowdin.yml: project id 'my-project' (from PID) is not a number");
    }

    @Test
    void rejectsAPlaceholderItCannotFillIn() throws IOException {
        Path file = yml("project_id: 1\napi_token: t\nfiles:\n  - source: /en/messages.po\n"
                + "    translation: /%two_letters_code%/%xliff_id%.po\n");

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of()))
                .isInstanceOf(CrmException.class)
                .hasMessageStartingWith(
                        "crowdin.yml: translation /%two_letters_code%/%xliff_id%.po: placeholder %xliff_id% is not supported");
    }

    @Test
    void rejectsATranslationPatternWithoutALanguage() throws IOException {
        Path file = yml(
                "project_id: 1\napi_token: t\nfiles:\n  - source: /en/messages.po\n    translation: /ru/messages.po\n");

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of()))
                .isInstanceOf(CrmException.class)
                .hasMessage(
                        "crowdin.yml: translation /ru/messages.po has no language placeholder such as %two_letters_code%");
    }

    @Test
    void rejectsABranchNameCrowdinRefusesNamingTheCharacters() throws IOException {
        Path file = yml("project_id: 1\napi_token: t\nbranch: \"feature/a:b\"\n" + FILES);

        assertThatThrownBy(() -> CrowdinConfig.load(file, Map.of()))
                .isInstanceOf(CrmException.class)
                .hasMessage("crowdin.yml: branch: branch name 'feature/a:b' contains '/', ':', which Crowdin refuses in"
                        + " branch names (none of \\ / : * ? \" < > | may appear; e.g. use feature-x for feature/x)");
    }

    @Test
    void acceptsABranchNameWithoutTheRefusedCharacters() throws IOException {
        CrowdinConfig config =
                CrowdinConfig.load(yml("project_id: 1\napi_token: t\nbranch: release-1.2_rc\n" + FILES), Map.of());

        assertThat(config.branch()).isEqualTo("release-1.2_rc");
        for (char c : "\\/:*?\"<>|".toCharArray()) {
            assertThatThrownBy(() -> CrowdinConfig.checkBranch("a" + c + "b", "--branch"))
                    .isInstanceOf(CrmException.class)
                    .hasMessageStartingWith("--branch: branch name 'a" + c + "b' contains '" + c + "',");
        }
    }
}
