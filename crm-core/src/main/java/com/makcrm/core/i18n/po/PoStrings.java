package com.makcrm.core.i18n.po;

import com.makcrm.core.error.CrmException;

/** Quoting and unquoting of PO string literals (C escapes). */
final class PoStrings {

    private PoStrings() {}

    /** The value of the quoted string starting at {@code from}; only whitespace may follow its closing quote. */
    static String unquote(String line, int from, String file, int lineNo) {
        StringBuilder value = new StringBuilder();
        int i = from + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (!line.substring(i + 1).isBlank()) {
                    throw CrmException.invalid(file + ":" + lineNo + ": unexpected text after the closing quote");
                }
                return value.toString();
            }
            if (c == '\\') {
                if (i + 1 >= line.length()) {
                    break;
                }
                value.append(unescape(line.charAt(i + 1), file, lineNo));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw CrmException.invalid(file + ":" + lineNo + ": unterminated string");
    }

    private static char unescape(char c, String file, int lineNo) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '"' -> '"';
            case '\\' -> '\\';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> '\u000B';
            default -> throw CrmException.invalid(file + ":" + lineNo + ": unknown escape \\" + c);
        };
    }

    /** {@code value} as a PO string literal, quotes included. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\u0007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000B' -> out.append("\\v");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
