package com.makcrm.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import com.makcrm.core.i18n.po.PoParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build fails here when a catalog lacks a message the code declares, a translation's placeholders differ from
 * the source's, a message is not valid ICU, or a plural misses a category its language needs.
 */
class CatalogCompletenessTest {

    static Map<String, PoCatalog> shippedCatalogs() throws IOException {
        Map<String, PoCatalog> catalogs = new LinkedHashMap<>();
        for (String locale : Messages.LOCALES) {
            String resource = Messages.CATALOG_ROOT + locale + "/messages.po";
            try (InputStream in = CatalogCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                catalogs.put(locale, PoParser.parse(resource, in.readAllBytes()));
            }
        }
        return catalogs;
    }

    @Test
    void everyCatalogHasEveryDeclaredMessageWithValidIcuAndTheSourcesPlaceholders() throws IOException {
        List<CatalogCheck.Problem> problems = CatalogCheck.check(MessageRegistry.messages(), shippedCatalogs(), false);

        assertThat(problems).as("run crm i18n extract, then translate").isEmpty();
    }

    @Test
    void russianIsFullyTranslated() throws IOException {
        Map<String, PoCatalog> russian = Map.of("ru", shippedCatalogs().get("ru"));

        assertThat(CatalogCheck.check(MessageRegistry.messages(), russian, true))
                .isEmpty();
    }

    @Test
    void pseudoCatalogIsTheCurrentPseudoLocalizationOfTheSource() throws IOException {
        PoCatalog pseudo = shippedCatalogs().get("pseudo");

        for (Message message : MessageRegistry.messages()) {
            assertThat(pseudo.find(null, message.id()).map(PoEntry::translation))
                    .as(message.id())
                    .contains(Pseudo.localize(message.source()));
        }
    }

    @Test
    void catalogEntriesUseLinguisExplicitIdsAndNameTheirOrigin() throws IOException {
        Map<String, String> origins = new HashMap<>();
        MessageRegistry.declared().forEach(d -> origins.put(d.message().id(), d.origin()));
        for (PoEntry entry : shippedCatalogs().get("ru").entries()) {
            assertThat(entry.hasExplicitId()).as(entry.msgid()).isTrue();
            assertThat(entry.references()).as(entry.msgid()).containsExactly(origins.get(entry.msgid()));
        }
    }

    @Test
    void everyErrorCategoryHasAProblemTitle() {
        for (var category : com.makcrm.core.error.ErrorCategory.values()) {
            assertThat(MessageRegistry.messages()).contains(CoreMessages.title(category));
        }
    }
}
