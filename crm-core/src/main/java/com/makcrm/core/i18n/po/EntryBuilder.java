package com.makcrm.core.i18n.po;

import com.makcrm.core.error.CrmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the lines of one PO entry and checks their order; used by {@link PoParser}. */
final class EntryBuilder {

    private enum Field {
        MSGCTXT,
        MSGID,
        MSGID_PLURAL,
        MSGSTR
    }

    private final String file;
    private final List<String> translatorComments = new ArrayList<>();
    private final List<String> extractedComments = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> previous = new ArrayList<>();
    private final List<StringBuilder> msgstr = new ArrayList<>();
    private StringBuilder msgctxt;
    private StringBuilder msgid;
    private StringBuilder msgidPlural;
    private StringBuilder current;
    private Field last;
    private boolean indexedMsgstr;
    private Boolean obsolete;

    EntryBuilder(String file) {
        this.file = file;
    }

    /** Whether {@code line} can only begin a new entry once the current one has its msgstr. */
    static boolean startsEntry(String line) {
        String body = line.startsWith("#~") ? line.substring(2).stripLeading() : line;
        return line.startsWith("#") && !line.startsWith("#~") || body.startsWith("msgctxt") || body.startsWith("msgid");
    }

    boolean hasMsgid() {
        return msgid != null;
    }

    boolean hasMsgstr() {
        return !msgstr.isEmpty();
    }

    void accept(String line, int lineNo) {
        if (line.startsWith("#~")) {
            String rest = line.substring(2);
            if (rest.startsWith("|")) {
                previous.add(payload(rest.substring(1)));
            } else {
                keywordLine(rest.stripLeading(), lineNo, true);
            }
        } else if (line.startsWith("#")) {
            comment(line, lineNo);
        } else {
            keywordLine(line.stripLeading(), lineNo, false);
        }
    }

    private void comment(String line, int lineNo) {
        if (msgid != null) {
            throw error(lineNo, "comment inside an entry (comments go before msgctxt/msgid)");
        }
        String kind = line.length() > 1 ? line.substring(1, 2) : "";
        switch (kind) {
            case "." -> extractedComments.add(payload(line.substring(2)));
            case ":" -> references.add(payload(line.substring(2)));
            case "|" -> previous.add(payload(line.substring(2)));
            case "," ->
                Arrays.stream(line.substring(2).split(","))
                        .map(String::strip)
                        .filter(f -> !f.isEmpty())
                        .forEach(flags::add);
            default -> translatorComments.add(payload(line.substring(1)));
        }
    }

    private static String payload(String text) {
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    private void keywordLine(String line, int lineNo, boolean obsoleteLine) {
        if (obsolete != null && obsolete != obsoleteLine) {
            throw error(lineNo, "an entry mixes obsolete (#~) and active lines");
        }
        obsolete = obsoleteLine;
        if (line.startsWith("\"")) {
            if (current == null) {
                throw error(lineNo, "string continuation without a keyword before it");
            }
            current.append(PoStrings.unquote(line, 0, file, lineNo));
            return;
        }
        int space = indexOfWhitespace(line);
        String keyword = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space).stripLeading();
        if (!rest.startsWith("\"")) {
            throw error(lineNo, "expected a quoted string after " + keyword);
        }
        String value = PoStrings.unquote(rest, 0, file, lineNo);
        current = new StringBuilder(value);
        if (keyword.equals("msgctxt")) {
            expect(last == null, lineNo, "msgctxt must come first in an entry");
            msgctxt = current;
            last = Field.MSGCTXT;
        } else if (keyword.equals("msgid")) {
            expect(last == null || last == Field.MSGCTXT, lineNo, "msgid in the wrong place (a second msgid?)");
            msgid = current;
            last = Field.MSGID;
        } else if (keyword.equals("msgid_plural")) {
            expect(last == Field.MSGID, lineNo, "msgid_plural must follow msgid");
            msgidPlural = current;
            last = Field.MSGID_PLURAL;
        } else if (keyword.equals("msgstr")) {
            expect(
                    last == Field.MSGID,
                    lineNo,
                    msgidPlural != null ? "a plural entry needs msgstr[n]" : "msgstr without msgid");
            msgstr.add(current);
            last = Field.MSGSTR;
        } else if (keyword.startsWith("msgstr[") && keyword.endsWith("]")) {
            indexedMsgstr(keyword, lineNo);
        } else {
            throw error(lineNo, "unknown keyword '" + keyword + "'");
        }
    }

    private void indexedMsgstr(String keyword, int lineNo) {
        expect(msgidPlural != null, lineNo, keyword + " without msgid_plural");
        expect(
                last == Field.MSGID_PLURAL || last == Field.MSGSTR && indexedMsgstr,
                lineNo,
                keyword + " in the wrong place");
        String index = keyword.substring("msgstr[".length(), keyword.length() - 1);
        if (!index.equals(Integer.toString(msgstr.size()))) {
            throw error(lineNo, keyword + " out of order: expected msgstr[" + msgstr.size() + "]");
        }
        msgstr.add(current);
        indexedMsgstr = true;
        last = Field.MSGSTR;
    }

    PoEntry build(int firstLine, int endLine) {
        if (msgid == null) {
            throw error(firstLine, "comment without an entry after it");
        }
        if (msgstr.isEmpty()) {
            throw error(endLine, "entry \"" + msgid + "\" has no msgstr");
        }
        return new PoEntry(
                translatorComments,
                extractedComments,
                references,
                flags,
                previous,
                msgctxt == null ? null : msgctxt.toString(),
                msgid.toString(),
                msgidPlural == null ? null : msgidPlural.toString(),
                msgstr.stream().map(StringBuilder::toString).toList(),
                Boolean.TRUE.equals(obsolete));
    }

    private void expect(boolean ok, int lineNo, String message) {
        if (!ok) {
            throw error(lineNo, message);
        }
    }

    private CrmException error(int lineNo, String message) {
        return CrmException.invalid(file + ":" + lineNo + ": " + message);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
