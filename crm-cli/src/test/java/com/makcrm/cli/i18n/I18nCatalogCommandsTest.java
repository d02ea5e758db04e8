package com.makcrm.cli.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.cli.ExitCodes;
import com.makcrm.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm i18n extract} and {@code compile} over catalogs in a folder of the test's own. */
class I18nCatalogCommandsTest {

    @TempDir
    Path home;

    private Path config;

    @BeforeEach
    void crowdinYml() throws IOException {
        config = Files.writeString(home.resolve("crowdin.yml"), """
                project_id_env: CROWDIN_PROJECT_ID
                api_token_env: CROWDIN_PERSONAL_TOKEN
                files:
                  - source: /locales/en/messages.po
                    translation: /locales/%two_letters_code%/messages.po
                """);
    }

    private Result crm(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--crowdin-config";
        all[args.length + 1] = config.toString();
        return Cli.withHome(home).run(all);
    }

    private Path catalog(String locale) {
        return home.resolve("locales/" + locale + "/messages.po");
    }

    /** The catalogs shipped in crm-core, copied into the test's folder. */
    private void copyShippedCatalogs() throws IOException {
        for (String locale : Messages.LOCALES) {
            try (InputStream in =
                    getClass().getClassLoader().getResourceAsStream(Messages.CATALOG_ROOT + locale + "/messages.po")) {
                Files.createDirectories(catalog(locale).getParent());
                Files.write(catalog(locale), in.readAllBytes());
            }
        }
    }

    @Test
    void extractCreatesTheCatalogsAndReRunningChangesNothing() throws IOException {
        Result first = crm("i18n", "extract");
        String en = Files.readString(catalog("en"));
        String ru = Files.readString(catalog("ru"));
        Result second = crm("i18n", "extract");

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(en)
                .contains("#. js-lingui-explicit-id\n#: com/makcrm/core/i18n/CoreMessages.java\n"
                        + "msgid \"problem.notFound.title\"\nmsgstr \"Not found\"\n");
        assertThat(ru).contains("msgid \"problem.notFound.title\"\nmsgstr \"\"\n");
        assertThat(Files.readString(catalog("pseudo"))).contains("msgstr \"[Ñöţ ƒöûñð]\"");
        assertThat(second.outLines()).allSatisfy(line -> assertThat(line).contains(": unchanged "));
        assertThat(Files.readString(catalog("en"))).isEqualTo(en);
        assertThat(Files.readString(catalog("ru"))).isEqualTo(ru);
    }

    @Test
    void extractLeavesTheShippedCatalogsByteIdentical() throws IOException {
        copyShippedCatalogs();
        String ru = Files.readString(catalog("ru"));

        Result r = crm("i18n", "extract");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines()).hasSize(3).allSatisfy(line -> assertThat(line).contains(": unchanged "));
        assertThat(Files.readString(catalog("ru"))).isEqualTo(ru);
    }

    @Test
    void extractMarksMessagesNoLongerInCodeObsoleteAndKeepsTranslations() throws IOException {
        copyShippedCatalogs();
        Files.writeString(
                catalog("ru"),
                "\n#. js-lingui-explicit-id\nmsgid \"old.gone\"\nmsgstr \"устарело\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        Result r = crm("i18n", "extract");

        assertThat(r.outLines())
                .anySatisfy(line -> assertThat(line).startsWith("ru: updated ").endsWith("1 newly obsolete)"));
        assertThat(Files.readString(catalog("ru")))
                .contains("#~ msgid \"old.gone\"\n#~ msgstr \"устарело\"\n")
                .contains("msgstr \"тенант «{slug}» не найден\"");
    }

    @Test
    void compileAcceptsTheShippedCatalogs() throws IOException {
        copyShippedCatalogs();

        Result r = crm("i18n", "compile", "--strict");

        assertThat(r.exitCode()).as("%s", r).isZero();
        int declared = com.makcrm.core.i18n.MessageRegistry.messages().size();
        assertThat(r.outLines()).contains("ru: " + declared + "/" + declared + " translated, valid");
    }

    @Test
    void compileNamesLocaleAndKeyOfEachProblemAndExitsTwo() throws IOException {
        copyShippedCatalogs();
        String ru = Files.readString(catalog("ru"))
                .replace("тенант «{slug}» не найден", "тенант не найден")
                .replace(
                        "Слишком много запросов: повторите через {seconds, plural, one {# секунду} few {# секунды} many {# секунд}",
                        "Слишком много запросов: повторите через {seconds, plural, one {# секунду}")
                .replace("Не найдено", "{broken");
        Files.writeString(catalog("ru"), ru);

        Result r = crm("i18n", "compile");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines())
                .contains(
                        "ru: tenant.notFound: placeholder {slug} missing",
                        "ru: rateLimit.exceeded: {seconds}: plural categories missing: few, many (ru needs one, few,"
                                + " many, other)",
                        "ERROR: 3 problems in the catalogs");
        assertThat(r.errLines())
                .anySatisfy(line -> assertThat(line).startsWith("ru: problem.notFound.title: invalid ICU message:"));
    }

    @Test
    void strictCompileFailsOnUntranslatedMessages() throws IOException {
        copyShippedCatalogs();
        Files.writeString(catalog("ru"), Files.readString(catalog("ru")).replace("msgstr \"Конфликт\"", "msgstr \"\""));

        Result lenient = crm("i18n", "compile");
        Result strict = crm("i18n", "compile", "--strict");

        assertThat(lenient.exitCode()).as("%s", lenient).isZero();
        int declared = com.makcrm.core.i18n.MessageRegistry.messages().size();
        assertThat(lenient.outLines()).contains("ru: " + (declared - 1) + "/" + declared + " translated, valid");
        assertThat(strict.exitCode()).as("%s", strict).isEqualTo(ExitCodes.USAGE);
        assertThat(strict.errLines()).first().isEqualTo("ru: problem.conflict.title: not translated");
    }

    @Test
    void compileRegeneratesAStalePseudoCatalog() throws IOException {
        copyShippedCatalogs();
        Files.writeString(catalog("pseudo"), Files.readString(catalog("pseudo")).replace("[Ñöţ ƒöûñð]", "Not found"));

        Result r = crm("i18n", "compile");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.outLines()).first().asString().startsWith("pseudo: regenerated ");
        assertThat(Files.readString(catalog("pseudo"))).contains("msgstr \"[Ñöţ ƒöûñð]\"");
    }

    @Test
    void compileWithoutASourceCatalogSaysToExtract() {
        Result r = crm("i18n", "compile");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: no source catalog at ")
                .endsWith("(run crm i18n extract)");
    }

    @Test
    void unsupportedLangIsAUsageError() {
        Result r = Cli.withHome(home).run("--lang", "xx", "i18n", "compile");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines())
                .first()
                .asString()
                .isEqualTo("Unsupported --lang 'xx' (supported: en, ru, pseudo)"
                        .replace("Unsupported", "ERROR: Unsupported"));
    }
}
