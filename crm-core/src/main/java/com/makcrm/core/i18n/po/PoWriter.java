package com.makcrm.core.i18n.po;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes PO catalogs in Lingui's style: entries separated by one blank line; comments in the order translator
 * ({@code #}), extracted ({@code #.}), references ({@code #:}, one per line), flags ({@code #,}), previous
 * ({@code #|}); a value holding line breaks written as {@code ""} and one line per segment. Entries read by
 * {@link PoParser} and unchanged since are written back exactly as they were read.
 */
public final class PoWriter {

    private PoWriter() {}

    public static String write(PoCatalog catalog) {
        StringBuilder out = new StringBuilder();
        for (PoCatalog.Item item : catalog.items()) {
            if (item.unchanged()) {
                out.append(item.leading()).append(item.source());
            } else {
                if (!out.isEmpty()) {
                    if (out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    out.append('\n');
                }
                out.append(format(item.entry()));
            }
        }
        return out.append(catalog.trailing()).toString();
    }

    /** Writes {@code catalog} to {@code file} through a temporary file, so readers never see half a catalog. */
    public static void write(PoCatalog catalog, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, write(catalog), StandardCharsets.UTF_8);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw CrmException.unavailable("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One entry in Lingui's style, ending with a line break. */
    public static String format(PoEntry entry) {
        List<String> lines = new ArrayList<>();
        entry.translatorComments().forEach(c -> lines.add(c.isEmpty() ? "#" : "# " + c));
        entry.extractedComments().forEach(c -> lines.add("#. " + c));
        entry.references().forEach(r -> lines.add("#: " + r));
        if (!entry.flags().isEmpty()) {
            lines.add("#, " + String.join(",", entry.flags()));
        }
        entry.previous().forEach(p -> lines.add((entry.obsolete() ? "#~| " : "#| ") + p));
        String prefix = entry.obsolete() ? "#~ " : "";
        if (entry.msgctxt() != null) {
            value(lines, prefix, "msgctxt", entry.msgctxt());
        }
        value(lines, prefix, "msgid", entry.msgid());
        if (entry.isPlural()) {
            value(lines, prefix, "msgid_plural", entry.msgidPlural());
            for (int i = 0; i < entry.msgstr().size(); i++) {
                value(lines, prefix, "msgstr[" + i + "]", entry.msgstr().get(i));
            }
        } else {
            value(lines, prefix, "msgstr", entry.translation());
        }
        return String.join("\n", lines) + "\n";
    }

    private static void value(List<String> lines, String prefix, String keyword, String value) {
        int newline = value.indexOf('\n');
        if (newline < 0) {
            lines.add(prefix + keyword + " " + PoStrings.quote(value));
            return;
        }
        lines.add(prefix + keyword + " \"\"");
        int start = 0;
        while (start < value.length()) {
            int end = value.indexOf('\n', start);
            end = end < 0 ? value.length() : end + 1;
            lines.add(prefix + PoStrings.quote(value.substring(start, end)));
            start = end;
        }
    }
}
