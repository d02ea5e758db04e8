package com.makcrm.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogCheckTest {

    private static final Message TENANT = new Message("tenant.notFound", "tenant ''{slug}'' not found", "");
    private static final Message FIELDS = new Message(
            "validation.fieldsInvalid", "{count, plural, one {# field is} other {# fields are}} invalid", "");

    private static List<String> problems(String locale, String pattern, String source) {
        return CatalogCheck.checkPattern(locale, "the.key", pattern, source).stream()
                .map(CatalogCheck.Problem::toString)
                .toList();
    }

    @Test
    void reportsInvalidIcuSyntaxNamingLocaleAndKey() {
        assertThat(problems("ru", "тенант {slug не найден", TENANT.source()))
                .singleElement()
                .asString()
                .startsWith("ru: the.key: invalid ICU message:");
    }

    @Test
    void reportsAMissingPlaceholder() {
        assertThat(problems("ru", "тенант не найден", TENANT.source()))
                .containsExactly("ru: the.key: placeholder {slug} missing");
    }

    @Test
    void reportsAPlaceholderTheSourceDoesNotHave() {
        assertThat(problems("ru", "тенант {slugg} не найден", TENANT.source()))
                .containsExactly(
                        "ru: the.key: placeholder {slug} missing",
                        "ru: the.key: unknown placeholder {slugg} (not in the source)");
    }

    @Test
    void reportsRussianPluralsWithoutFewAndMany() {
        assertThat(problems("ru", "{count, plural, one {# поле} other {# полей}} неверно", FIELDS.source()))
                .containsExactly("ru: the.key: {count}: plural categories missing: few, many (ru needs one, few, many,"
                        + " other)");
    }

    @Test
    void reportsAPluralCategoryTheLanguageDoesNotHave() {
        assertThat(problems("en", "{count, plural, one {# field} few {# fields} other {# fields}}", FIELDS.source()))
                .containsExactly(
                        "en: the.key: {count}: plural category 'few' does not exist in en (it has one, other)");
    }

    @Test
    void requiresOtherInSelect() {
        assertThat(problems("en", "{kind, select, cli {cli} api {api}}", "{kind, select, other {x}}"))
                .anySatisfy(p -> assertThat(p).startsWith("en: the.key:"));
    }

    @Test
    void acceptsACompleteRussianPlural() {
        assertThat(problems(
                        "ru",
                        "{count, plural, =0 {нет полей} one {# поле} few {# поля} many {# полей} other {# поля}}",
                        FIELDS.source()))
                .isEmpty();
    }

    @Test
    void reportsAMessageMissingFromACatalog() {
        PoCatalog ru = PoCatalog.create("ru");

        assertThat(CatalogCheck.check(List.of(TENANT), Map.of("ru", ru), false).stream()
                        .map(Object::toString))
                .containsExactly("ru: tenant.notFound: missing from the catalog (run crm i18n extract)");
    }

    @Test
    void strictReportsUntranslatedMessagesAndLenientLetsThemFallBack() {
        PoCatalog ru = PoCatalog.create("ru").with(PoEntry.explicitId("tenant.notFound", "", List.of(), List.of()));

        assertThat(CatalogCheck.check(List.of(TENANT), Map.of("ru", ru), false)).isEmpty();
        assertThat(CatalogCheck.check(List.of(TENANT), Map.of("ru", ru), true).stream()
                        .map(Object::toString))
                .containsExactly("ru: tenant.notFound: not translated");
    }

    @Test
    void reportsAnEnglishCatalogThatDiffersFromTheCode() {
        PoCatalog en = PoCatalog.create("en")
                .with(PoEntry.explicitId("tenant.notFound", "Tenant {slug} missing", List.of(), List.of()));

        assertThat(CatalogCheck.check(List.of(TENANT), Map.of("en", en), false).stream()
                        .map(Object::toString))
                .containsExactly("en: tenant.notFound: differs from the source in code (run crm i18n extract)");
    }

    @Test
    void pseudoLocalizationKeepsIcuSyntaxAndPlaceholders() {
        assertThat(Pseudo.localize("Tenant ''{slug}'' not found")).isEqualTo("[Ţéñåñţ ''{slug}'' ñöţ ƒöûñð]");
        String plural = Pseudo.localize(FIELDS.source());
        assertThat(plural).isEqualTo("[{count, plural, one {# ƒîéļð îš} other {# ƒîéļðš åŕé}} îñṽåļîð]");
        assertThat(CatalogCheck.checkPattern("pseudo", "k", plural, FIELDS.source()))
                .isEmpty();
    }
}
