package com.makcrm.cli.i18n;

import com.makcrm.cli.ExitCodes;
import com.makcrm.core.i18n.CatalogExtractor;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.MessageRegistry;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Collect the messages declared in code (ids, English sources, translator hints) into the catalogs.",
            "Keeps translations, appends new messages (untranslated), marks removed ones obsolete (#~) and a"
                    + " translation whose English source changed fuzzy; the pseudo-locale follows the source."
                    + " Re-running changes nothing."
        })
final class I18nExtractCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CatalogOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CatalogLayout layout = options.layout();
        Map<String, PoCatalog> existing = layout.read();
        Set<String> changed = changedSources(existing.get(CatalogLayout.SOURCE_LOCALE));
        for (Map.Entry<String, Path> file : layout.files().entrySet()) {
            String locale = file.getKey();
            PoCatalog before = existing.get(locale);
            PoCatalog after = CatalogExtractor.merge(locale, before, MessageRegistry.declared(), changed);
            boolean written = CatalogLayout.writeIfChanged(after, file.getValue());
            out.println(locale + ": " + (written ? "updated " : "unchanged ") + CatalogLayout.display(file.getValue())
                    + " (" + summary(before, after) + ")");
        }
        return ExitCodes.OK;
    }

    /** The ids whose English source in code differs from the source catalog's. */
    private static Set<String> changedSources(PoCatalog source) {
        Set<String> changed = new HashSet<>();
        if (source == null) {
            return changed;
        }
        for (Message message : MessageRegistry.messages()) {
            Optional<PoEntry> entry = source.find(null, message.id());
            if (entry.isPresent()
                    && !entry.get().obsolete()
                    && !entry.get().translation().equals(message.source())) {
                changed.add(message.id());
            }
        }
        return changed;
    }

    private static String summary(PoCatalog before, PoCatalog after) {
        long active = after.entries().stream().filter(e -> !e.obsolete()).count();
        long added = after.entries().stream()
                .filter(e -> !e.obsolete())
                .filter(e ->
                        before == null || before.find(e.msgctxt(), e.msgid()).isEmpty())
                .count();
        long obsoleted = after.entries().stream()
                .filter(PoEntry::obsolete)
                .filter(e -> before != null
                        && before.find(e.msgctxt(), e.msgid())
                                .map(b -> !b.obsolete())
                                .orElse(false))
                .count();
        return active + " messages, " + added + " new, " + obsoleted + " newly obsolete";
    }
}
