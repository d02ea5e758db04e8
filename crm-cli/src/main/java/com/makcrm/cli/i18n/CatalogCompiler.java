package com.makcrm.cli.i18n;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.CatalogCheck;
import com.makcrm.core.i18n.CatalogExtractor;
import com.makcrm.core.i18n.MessageRegistry;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code compile}: validates every catalog against the messages declared in code and regenerates the pseudo-locale
 * catalog from the source. The PO catalogs themselves are the runtime form ({@link Messages} reads them from the
 * class path), so a valid catalog needs no other output.
 */
final class CatalogCompiler {

    private CatalogCompiler() {}

    /** Compiles; prints one line per problem to {@code err} and fails INVALID when there is any. */
    static void compile(CatalogLayout layout, boolean strict, PrintWriter out, PrintWriter err) {
        Map<String, PoCatalog> catalogs = new java.util.LinkedHashMap<>(layout.read());
        if (!catalogs.containsKey(CatalogLayout.SOURCE_LOCALE)) {
            throw CrmException.invalid("no source catalog at "
                    + CatalogLayout.display(layout.files().get(CatalogLayout.SOURCE_LOCALE))
                    + " (run crm i18n extract)");
        }
        Path pseudoFile = layout.files().get("pseudo");
        PoCatalog pseudo =
                CatalogExtractor.merge("pseudo", catalogs.get("pseudo"), MessageRegistry.declared(), Set.of());
        if (CatalogLayout.writeIfChanged(pseudo, pseudoFile)) {
            out.println("pseudo: regenerated " + CatalogLayout.display(pseudoFile));
        }
        catalogs.put("pseudo", pseudo);
        List<CatalogCheck.Problem> problems = CatalogCheck.check(MessageRegistry.messages(), catalogs, strict);
        problems.forEach(p -> err.println(p));
        if (!problems.isEmpty()) {
            throw CrmException.invalid(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in the catalogs" + (strict ? " (--strict: untranslated messages count)" : ""));
        }
        int total = MessageRegistry.messages().size();
        catalogs.forEach((locale, catalog) ->
                out.println(locale + ": " + translated(catalog) + "/" + total + " translated, valid"));
    }

    private static long translated(PoCatalog catalog) {
        Set<String> ids =
                Set.copyOf(MessageRegistry.messages().stream().map(m -> m.id()).toList());
        return catalog.entries().stream()
                .filter(e -> !e.obsolete() && !e.isFuzzy() && ids.contains(e.msgid()))
                .map(PoEntry::translation)
                .filter(t -> !t.isEmpty())
                .count();
    }
}
