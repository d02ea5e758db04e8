package com.makcrm.core.i18n.po;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoRoundTripTest {

    private static String fixture() throws IOException {
        try (InputStream in = PoRoundTripTest.class.getResourceAsStream("/i18n/po/ru.po")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesAnUnchangedCatalogBackByteForByte() throws IOException {
        String original = fixture();

        PoCatalog catalog = PoParser.parse("ru.po", original.getBytes(StandardCharsets.UTF_8));

        assertThat(PoWriter.write(catalog)).isEqualTo(original);
    }

    @Test
    void keepsUnusualSpacingAndLineEndingsOfUnchangedEntries() {
        String odd =
                "\n\nmsgid \"\"\r\nmsgstr \"Language: ru\\n\"\r\n\n\n\n#.   spaced\nmsgid   \"a\"\nmsgstr \"b\"   \n\n";

        assertThat(PoWriter.write(PoParser.parse("odd.po", odd))).isEqualTo(odd);
    }

    @Test
    void keepsAByteOrderMark() {
        String withBom = "\uFEFFmsgid \"\"\nmsgstr \"Language: ru\\n\"\n";

        PoCatalog catalog = PoParser.parse("bom.po", withBom.getBytes(StandardCharsets.UTF_8));

        assertThat(catalog.headerFields()).containsEntry("Language", "ru");
        assertThat(PoWriter.write(catalog)).isEqualTo(withBom);
    }

    @Test
    void readsEveryPartOfAnEntry() throws IOException {
        PoCatalog catalog = PoParser.parse("ru.po", fixture());

        assertThat(catalog.headerFields())
                .containsEntry("Language", "ru")
                .containsEntry("X-Generator", "@lingui/cli")
                .containsEntry("Content-Type", "text/plain; charset=utf-8");
        PoEntry save = catalog.find(null, "common.save").orElseThrow();
        assertThat(save.translatorComments()).containsExactly("Keep it short: it is a button");
        assertThat(save.extractedComments()).containsExactly(PoEntry.EXPLICIT_ID_FLAG);
        assertThat(save.hasExplicitId()).isTrue();
        assertThat(save.references()).hasSize(2).first().asString().endsWith("ContactController.java:57");
        assertThat(save.isFuzzy()).isTrue();
        assertThat(save.translation()).isEqualTo("Сохранить");

        PoEntry done = catalog.find("email", "import.done").orElseThrow();
        assertThat(done.translation())
                .isEqualTo("Импорт завершён.\nЗагружено: {imported}\t пропущено: {skipped}.\n"
                        + "Файл \"{file}\" можно удалить \\ архивировать.");
        assertThat(catalog.find(null, "import.done")).isEmpty();

        PoEntry files = catalog.find(null, "One file").orElseThrow();
        assertThat(files.hasExplicitId()).isFalse();
        assertThat(files.msgidPlural()).isEqualTo("{n} files");
        assertThat(files.msgstr()).containsExactly("{n} файл", "{n} файла", "{n} файлов");

        assertThat(catalog.find(null, "deals.empty").orElseThrow().previous()).containsExactly("msgid \"deals.old\"");
        PoEntry legacy = catalog.find(null, "tenants.legacy").orElseThrow();
        assertThat(legacy.obsolete()).isTrue();
        assertThat(legacy.translation()).isEqualTo("Устаревшая строка");
        assertThat(catalog.entries()).hasSize(7);
    }

    @Test
    void rewritesOnlyTheChangedEntry() throws IOException {
        String original = fixture();
        PoCatalog catalog = PoParser.parse("ru.po", original);

        PoEntry title = catalog.find(null, "contacts.title").orElseThrow();
        String written = PoWriter.write(catalog.with(title.withTranslation("Люди")));

        assertThat(written).isEqualTo(original.replace("msgstr \"Контакты\"", "msgstr \"Люди\""));
    }

    @Test
    void rewritesAChangedMultiLineEntryInLinguiStyle() throws IOException {
        String original = fixture();
        PoCatalog catalog = PoParser.parse("ru.po", original);

        PoEntry done = catalog.find("email", "import.done").orElseThrow();
        String written = PoWriter.write(catalog.with(done.withTranslation("Готово.\nВсё \"{n}\"")));

        String oldValue =
                "msgstr \"\"\n\"Импорт завершён.\\n\"\n\"Загружено: {imported}\\t пропущено: {skipped}.\\n\"\n"
                        + "\"Файл \\\"{file}\\\" можно удалить \\\\ архивировать.\"\n";
        assertThat(original).contains(oldValue);
        assertThat(written).isEqualTo(original.replace(oldValue, "msgstr \"\"\n\"Готово.\\n\"\n\"Всё \\\"{n}\\\"\"\n"));
    }

    @Test
    void replacingWithAnEqualEntryKeepsTheOriginalText() {
        String odd = "#.   spaced\nmsgid   \"a\"\nmsgstr \"b\"\n";
        PoCatalog catalog = PoParser.parse("odd.po", odd);

        PoCatalog same = catalog.with(PoEntry.of("a", "b").withExtractedComments(List.of("  spaced")));

        assertThat(PoWriter.write(same)).isEqualTo(odd);
    }

    @Test
    void appendsNewEntriesAfterOneBlankLineAndRemovesDeletedOnes() throws IOException {
        String original = fixture();
        PoCatalog catalog = PoParser.parse("ru.po", original)
                .without(null, "tenants.legacy")
                .with(PoEntry.explicitId("deals.new", "Новая сделка", List.of("Button"), List.of("Deal.java:3")));

        String written = PoWriter.write(catalog);

        int legacyStart = original.indexOf("#. js-lingui-explicit-id\n#~ msgid");
        assertThat(written)
                .isEqualTo(
                        original.substring(0, legacyStart)
                                + "#. Button\n#. js-lingui-explicit-id\n#: Deal.java:3\nmsgid \"deals.new\"\nmsgstr \"Новая сделка\"\n");
    }

    @Test
    void writesANewCatalogAsLinguiDoes() {
        PoCatalog catalog = PoCatalog.create("en")
                .with(PoEntry.explicitId("contacts.title", "Contacts", List.of(), List.of("src/App.java:4")))
                .with(PoEntry.of("withFlags", "Keeps flags").withFlags(List.of("fuzzy", "otherFlag")))
                .with(PoEntry.explicitId("gone", "Obsolete message", List.of(), List.of())
                        .withObsolete(true))
                .with(PoEntry.of("translated", "x").withTranslatorComments(List.of("Translator comment")));

        assertThat(PoWriter.write(catalog)).isEqualTo("""
                        msgid ""
                        msgstr ""
                        "MIME-Version: 1.0\\n"
                        "Content-Type: text/plain; charset=utf-8\\n"
                        "Content-Transfer-Encoding: 8bit\\n"
                        "X-Generator: @lingui/cli\\n"
                        "Language: en\\n"

                        #. js-lingui-explicit-id
                        #: src/App.java:4
                        msgid "contacts.title"
                        msgstr "Contacts"

                        #, fuzzy,otherFlag
                        msgid "withFlags"
                        msgstr "Keeps flags"

                        #. js-lingui-explicit-id
                        #~ msgid "gone"
                        #~ msgstr "Obsolete message"

                        # Translator comment
                        msgid "translated"
                        msgstr "x"
                        """);
    }

    @Test
    void aWrittenCatalogParsesBackToTheSameEntries() {
        PoCatalog catalog = PoCatalog.create("pseudo")
                .with(PoEntry.of("tabs\tand \"quotes\" \\ and\nbreaks\n", "ok\r\n"))
                .with(new PoEntry(
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        "ctx",
                        "one",
                        "many",
                        List.of("a\nb", ""),
                        false));

        PoCatalog reread = PoParser.parse("x.po", PoWriter.write(catalog));

        assertThat(reread.entries()).isEqualTo(catalog.entries());
        assertThat(reread.headerFields()).isEqualTo(catalog.headerFields());
    }

    @Test
    void writesAtomicallyToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("locales/ru/messages.po");

        PoWriter.write(PoCatalog.create("ru").with(PoEntry.of("a", "б")), file);

        assertThat(PoParser.parse(file).find(null, "a").orElseThrow().translation())
                .isEqualTo("б");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("messages.po");
        }
    }
}
