package com.makcrm.core.query;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.QueryMessages;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the textual filter and order forms character by character for a recursive-descent parser, and words
 * every syntax error the same way: what was found, at which 1-based position, and what was expected.
 */
final class TextScanner {

    /**
     * What a syntax error says was expected: a keyword of {@link QueryMessages#UNEXPECTED}'s {@code expected}
     * select, and the arguments its branch names ({@code path}, {@code operator}, {@code operators}).
     */
    record Expected(String keyword, Map<String, String> args) {

        static Expected of(String keyword) {
            return new Expected(keyword, Map.of());
        }

        static Expected of(String keyword, String name, String value) {
            return new Expected(keyword, Map.of(name, value));
        }
    }

    static final Expected NAME_AFTER_DOT = Expected.of("nameAfterDot");

    private static final int MAX_TOKEN_SHOWN = 30;
    private static final String DELIMITERS = ",()[]:\"";

    private final String text;
    private final String clause;
    private int index;

    TextScanner(String text, String clause) {
        this.text = text;
        this.clause = clause;
    }

    /** 1-based position of the next non-blank character. */
    int position() {
        skipBlanks();
        return index + 1;
    }

    boolean atEnd() {
        skipBlanks();
        return index >= text.length();
    }

    boolean peekIs(char c) {
        return !atEnd() && text.charAt(index) == c;
    }

    boolean tryConsume(char c) {
        if (peekIs(c)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(char c, Expected expectation) {
        if (!tryConsume(c)) {
            throw unexpected(expectation);
        }
    }

    /** A name: a letter or underscore, then letters, digits and underscores. */
    String identifier(Expected expectation) {
        if (atEnd() || !isNameStart(text.charAt(index))) {
            throw unexpected(expectation);
        }
        int start = index;
        while (index < text.length() && isNamePart(text.charAt(index))) {
            index++;
        }
        return text.substring(start, index);
    }

    /** Dotted names without blanks: {@code name}, {@code company.name}, {@code custom.tier}. */
    String path(Expected expectation) {
        StringBuilder path = new StringBuilder(identifier(expectation));
        while (index < text.length() && text.charAt(index) == '.') {
            index++;
            if (index >= text.length() || !isNameStart(text.charAt(index))) {
                throw unexpected(NAME_AFTER_DOT);
            }
            path.append('.').append(identifier(NAME_AFTER_DOT));
        }
        return path.toString();
    }

    /** A bare word up to a delimiter or blank, or a double-quoted string with \" and \\ escapes. */
    String value(Expected expectation) {
        if (peekIs('"')) {
            return quoted();
        }
        int start = index;
        while (index < text.length() && !isValueEnd(text.charAt(index))) {
            index++;
        }
        if (start == index) {
            throw unexpected(expectation);
        }
        return text.substring(start, index);
    }

    CrmException unexpected(Expected expectation) {
        Map<String, Object> args = new HashMap<>(expectation.args());
        args.put("expected", expectation.keyword());
        if (atEnd()) {
            args.put("at", "end");
        } else {
            args.put("at", "token");
            args.put("token", tokenAt(index));
        }
        args.put("position", String.valueOf(index + 1));
        args.put("clause", clause);
        return CrmException.invalid(QueryMessages.UNEXPECTED, args);
    }

    /** An error at 1-based {@code position} in this clause. */
    CrmException error(Message message, int position) {
        return CrmException.invalid(message, Map.of("position", String.valueOf(position), "clause", clause));
    }

    private String quoted() {
        int opening = index;
        index++;
        StringBuilder value = new StringBuilder();
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '"') {
                return value.toString();
            }
            value.append(c == '\\' ? escaped() : c);
        }
        throw error(QueryMessages.UNTERMINATED_QUOTE, opening + 1);
    }

    private char escaped() {
        if (index >= text.length()) {
            throw error(QueryMessages.UNTERMINATED_ESCAPE, index);
        }
        char c = text.charAt(index++);
        if (c != '"' && c != '\\') {
            throw CrmException.invalid(
                    QueryMessages.INVALID_ESCAPE,
                    Map.of("character", String.valueOf(c), "position", String.valueOf(index - 1), "clause", clause));
        }
        return c;
    }

    // the whole offending word, not just its first character, so "foo" reads as 'foo'
    private String tokenAt(int at) {
        char first = text.charAt(at);
        if (DELIMITERS.indexOf(first) >= 0) {
            return String.valueOf(first);
        }
        int end = at;
        while (end < text.length() && isWordPart(text.charAt(end)) && end - at < MAX_TOKEN_SHOWN) {
            end++;
        }
        return text.substring(at, Math.max(end, at + 1));
    }

    private void skipBlanks() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isWordPart(char c) {
        return DELIMITERS.indexOf(c) < 0 && !Character.isWhitespace(c);
    }

    private static boolean isValueEnd(char c) {
        return c == ',' || c == '(' || c == ')' || c == '"' || Character.isWhitespace(c);
    }
}
