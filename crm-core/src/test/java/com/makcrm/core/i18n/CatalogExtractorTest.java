package com.makcrm.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.MessageRegistry.Declared;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import com.makcrm.core.i18n.po.PoParser;
import com.makcrm.core.i18n.po.PoWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogExtractorTest {

    private static final String ORIGIN = "com/example/Msgs.java";
    private static final Declared HELLO = new Declared(new Message("hello", "Hello {name}", "Greeting."), ORIGIN);
    private static final Declared BYE = new Declared(new Message("bye", "Goodbye", ""), ORIGIN);

    private static String extract(String locale, String existing, List<Declared> declared) {
        PoCatalog catalog = existing == null ? null : PoParser.parse("messages.po", existing);
        return PoWriter.write(CatalogExtractor.merge(locale, catalog, declared, Set.of()));
    }

    @Test
    void writesExplicitIdsWithHintsPlaceholdersAndOrigins() {
        String en = extract("en", null, List.of(HELLO));

        assertThat(en)
                .endsWith("#. Greeting.\n#. placeholders: {name}\n#. js-lingui-explicit-id\n#: com/example/Msgs.java\n"
                        + "msgid \"hello\"\nmsgstr \"Hello {name}\"\n");
    }

    @Test
    void reRunningChangesNothing() {
        for (String locale : List.of("en", "ru", "pseudo")) {
            String once = extract(locale, null, List.of(HELLO, BYE));
            assertThat(extract(locale, once, List.of(HELLO, BYE))).isEqualTo(once);
        }
    }

    @Test
    void keepsTranslationsAddsNewMessagesAndMarksRemovedOnesObsolete() {
        String ru = extract("ru", null, List.of(HELLO)).replace("msgstr \"\"\n", "msgstr \"Привет, {name}\"\n");
        ru = ru.replaceFirst("msgstr \"Привет, \\{name}\"\n", "msgstr \"\"\n"); // the header stays empty

        String merged = extract("ru", ru, List.of(BYE, HELLO));
        String removed = extract("ru", merged, List.of(BYE));

        assertThat(merged).startsWith(ru).endsWith("msgid \"bye\"\nmsgstr \"\"\n");
        assertThat(removed).contains("#~ msgid \"hello\"\n#~ msgstr \"Привет, {name}\"\n");
        assertThat(extract("ru", removed, List.of(BYE))).isEqualTo(removed);
        assertThat(extract("ru", removed, List.of(BYE, HELLO))).isEqualTo(merged);
    }

    @Test
    void marksATranslationFuzzyWhenItsSourceChanged() {
        PoCatalog ru = PoCatalog.create("ru")
                .with(PoEntry.explicitId(
                        "hello", "Привет, {name}", List.of("Greeting.", "placeholders: {name}"), List.of(ORIGIN)));

        PoCatalog merged = CatalogExtractor.merge("ru", ru, List.of(HELLO), Set.of("hello"));

        assertThat(merged.find(null, "hello").orElseThrow().isFuzzy()).isTrue();
    }

    @Test
    void pseudoFollowsTheSource() {
        assertThat(extract("pseudo", null, List.of(HELLO))).contains("msgstr \"[Ĥéļļö {name}]\"");
    }
}
