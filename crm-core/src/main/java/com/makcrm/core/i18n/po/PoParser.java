package com.makcrm.core.i18n.po;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads GNU gettext PO catalogs as Lingui writes them: UTF-8, {@code ""} continuation lines, C escapes, obsolete
 * {@code #~} entries. Errors are {@link CrmException} INVALID naming the file and line, e.g. {@code messages.po:12:
 * unterminated string}.
 */
public final class PoParser {

    private PoParser() {}

    public static PoCatalog parse(Path file) {
        String name = file.getFileName().toString();
        try {
            return parse(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw CrmException.invalid(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses {@code content}; {@code name} is how errors name the file. */
    public static PoCatalog parse(String name, byte[] content) {
        return parse(name, decode(name, content));
    }

    public static PoCatalog parse(String name, String text) {
        return new Run(name, splitLines(text)).catalog();
    }

    private static String decode(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CrmException.invalid(name + ": not valid UTF-8 (PO catalogs must be UTF-8)");
        }
    }

    /** The lines of {@code text}, each with its own terminator, so joining them gives back the text exactly. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean blank(String line) {
        return line.isBlank() && !line.startsWith("\uFEFF");
    }

    /** One parse of one file. */
    private static final class Run {
        private final String name;
        private final List<String> lines;
        private final Set<String> activeKeys = new HashSet<>();

        Run(String name, List<String> lines) {
            this.name = name;
            this.lines = lines;
        }

        PoCatalog catalog() {
            List<PoCatalog.Item> items = new ArrayList<>();
            int i = 0;
            int n = lines.size();
            while (i < n) {
                int leadStart = i;
                while (i < n && blank(lines.get(i))) {
                    i++;
                }
                if (i == n) {
                    return new PoCatalog(items, join(leadStart, n));
                }
                int start = i;
                EntryBuilder entry = new EntryBuilder(name);
                while (i < n) {
                    String line = lines.get(i);
                    if (blank(line)) {
                        if (entry.hasMsgid()) {
                            break;
                        }
                        i++; // comments separated from their entry by a blank line still belong to it
                        continue;
                    }
                    if (entry.hasMsgstr() && EntryBuilder.startsEntry(line)) {
                        break;
                    }
                    String content = stripTerminator(line);
                    entry.accept(i == 0 && content.startsWith("\uFEFF") ? content.substring(1) : content, i + 1);
                    i++;
                }
                PoEntry built = entry.build(start + 1, i);
                checkUnique(built, start + 1);
                items.add(new PoCatalog.Item(built, join(leadStart, start), join(start, i)));
            }
            return new PoCatalog(items, "");
        }

        private void checkUnique(PoEntry entry, int line) {
            if (entry.obsolete()) {
                return;
            }
            String key = (entry.msgctxt() == null ? "\u0000" : entry.msgctxt() + "\u0004") + entry.msgid();
            if (!activeKeys.add(key)) {
                String what = entry.isHeader() ? "a second header entry" : "duplicate msgid \"" + entry.msgid() + "\"";
                throw CrmException.invalid(name + ":" + line + ": " + what
                        + (entry.msgctxt() == null ? "" : " in context \"" + entry.msgctxt() + "\""));
            }
        }

        private String join(int from, int to) {
            return String.join("", lines.subList(from, to));
        }

        private static String stripTerminator(String line) {
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\n') {
                end--;
            }
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
            return line.substring(0, end);
        }
    }
}
