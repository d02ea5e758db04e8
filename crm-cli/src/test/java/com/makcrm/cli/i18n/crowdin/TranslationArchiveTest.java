package com.makcrm.cli.i18n.crowdin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TranslationArchiveTest {

    static final String LOCALES = "crm-core/src/main/resources/i18n/locales";
    static final FileMapping MAPPING =
            new FileMapping("/" + LOCALES + "/en/messages.po", "/" + LOCALES + "/%two_letters_code%/messages.po");
    static final Set<String> ALLOWED = Set.of("en", "ru", "pseudo");

    static String catalog(String language, String translation) {
        return "msgid \"\"\nmsgstr \"\"\n\"Language: " + language + "\\n\"\n\n#. js-lingui-explicit-id\n"
                + "msgid \"contacts.title\"\nmsgstr \"" + translation + "\"\n";
    }

    @TempDir
    Path root;

    private Path ruCatalog;

    @BeforeEach
    void existingCatalog() throws IOException {
        ruCatalog = root.resolve(LOCALES).resolve("ru/messages.po");
        Files.createDirectories(ruCatalog.getParent());
        Files.writeString(ruCatalog, catalog("ru", "Старое"));
    }

    @Test
    void writesEachLocaleToItsCatalog() throws IOException {
        byte[] zip = Zips.archive()
                .entry(LOCALES + "/", "")
                .entry(LOCALES + "/ru/messages.po", catalog("ru", "Контакты"))
                .entry(LOCALES + "/pseudo/messages.po", catalog("pseudo", "Ćőńţàćţś"))
                .bytes();

        TranslationArchive.Extracted extracted = TranslationArchive.extract(zip, root, List.of(MAPPING), ALLOWED);

        assertThat(extracted.written())
                .containsExactly(ruCatalog, root.resolve(LOCALES).resolve("pseudo/messages.po"));
        assertThat(extracted.skipped()).isEmpty();
        assertThat(Files.readString(ruCatalog)).isEqualTo(catalog("ru", "Контакты"));
        assertThat(Files.readString(root.resolve(LOCALES).resolve("pseudo/messages.po")))
                .isEqualTo(catalog("pseudo", "Ćőńţàćţś"));
        try (Stream<Path> files = Files.list(ruCatalog.getParent())) {
            assertThat(files).containsExactly(ruCatalog); // no temporary files left behind
        }
    }

    static Stream<Arguments> hostileEntries() {
        String po = catalog("ru", "x");
        return Stream.of(
                Arguments.of("../../evil.po", po, false, "'../../evil.po': path climbs out of its folder (..)"),
                Arguments.of(
                        LOCALES + "/ru/../../../../../../evil.po", po, false, "path climbs out of its folder (..)"),
                Arguments.of("/etc/evil.po", po, false, "'/etc/evil.po': absolute path"),
                Arguments.of("C:/evil.po", po, false, "'C:/evil.po': absolute path"),
                Arguments.of(LOCALES + "\\ru\\messages.po", po, false, "backslash in its path"),
                Arguments.of(
                        LOCALES + "/ru/messages.po",
                        "/etc/passwd",
                        true,
                        "'" + LOCALES + "/ru/messages.po': symbolic link"),
                // unsafe entries are refused even where a safe one would only be skipped
                Arguments.of(
                        LOCALES + "/de/messages.po",
                        "/etc/passwd",
                        true,
                        "'" + LOCALES + "/de/messages.po': symbolic link"),
                Arguments.of("main/../../evil.po", po, false, "'main/../../evil.po': path climbs out of its folder"),
                Arguments.of(
                        LOCALES + "/en/messages.po",
                        "msgid \"a\"\nmsgstr \"b",
                        false,
                        "not a valid PO catalog (" + LOCALES + "/en/messages.po:2: unterminated string)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("hostileEntries")
    void rejectsAHostileArchiveAndWritesNothing(String name, String content, boolean symlink, String reason)
            throws IOException {
        // a good entry first: it is not written either, because everything is checked before anything is written
        Zips archive = Zips.archive().entry(LOCALES + "/pseudo/messages.po", catalog("pseudo", "x"));
        byte[] zip = (symlink ? archive.symlink(name, content) : archive.entry(name, content)).bytes();

        assertThatThrownBy(() -> TranslationArchive.extract(zip, root, List.of(MAPPING), ALLOWED))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining(reason)
                .hasMessageEndingWith("nothing was written")
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);

        assertThat(Files.readString(ruCatalog)).isEqualTo(catalog("ru", "Старое"));
        assertThat(root.resolve(LOCALES).resolve("pseudo")).doesNotExist();
        assertThat(root.getParent().resolve("evil.po")).doesNotExist();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(ruCatalog);
        }
    }

    @Test
    void skipsAndReportsTheOtherFilesAndLanguagesOfTheProject() throws IOException {
        // a real build: every target language, every source file, and (built without a branch) each branch's files
        byte[] zip = Zips.archive()
                .entry(LOCALES + "/ru/messages.po", catalog("ru", "Контакты"))
                .entry(LOCALES + "/de/messages.po", catalog("de", "Kontakte"))
                .entry("README.txt", "hi")
                .entry("crm-web/locales/ru/app.json", "{\"not\": \"a PO catalog\"}")
                .entry("main/" + LOCALES + "/ru/messages.po", catalog("ru", "Ветка"))
                .bytes();

        TranslationArchive.Extracted extracted = TranslationArchive.extract(zip, root, List.of(MAPPING), ALLOWED);

        assertThat(extracted.written()).containsExactly(ruCatalog);
        assertThat(Files.readString(ruCatalog)).isEqualTo(catalog("ru", "Контакты"));
        assertThat(extracted.skipped())
                .containsExactly(
                        new TranslationArchive.Skipped(LOCALES + "/de/messages.po", "no catalog for locale 'de'"),
                        new TranslationArchive.Skipped("README.txt", "matches no translation pattern of crowdin.yml"),
                        new TranslationArchive.Skipped(
                                "crm-web/locales/ru/app.json", "matches no translation pattern of crowdin.yml"),
                        new TranslationArchive.Skipped(
                                "main/" + LOCALES + "/ru/messages.po",
                                "matches no translation pattern of crowdin.yml"));
        assertThat(extracted.skipped().get(0)).hasToString(LOCALES + "/de/messages.po (no catalog for locale 'de')");
        assertThat(root.resolve(LOCALES).resolve("de")).doesNotExist();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(ruCatalog);
        }
    }

    @Test
    void rejectsBytesThatAreNotAZipArchive() {
        assertThatThrownBy(() -> TranslationArchive.extract(
                        "<html>gateway error</html>".getBytes(), root, List.of(MAPPING), ALLOWED))
                .isInstanceOf(CrmException.class)
                .hasMessage("the translations archive from Crowdin is unusable: it is not a ZIP archive");
    }
}
