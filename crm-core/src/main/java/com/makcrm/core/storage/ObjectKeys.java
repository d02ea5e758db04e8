package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The one key rule every implementation enforces. It is stricter than S3 so that a key means the same object in
 * every store: on a filesystem {@code a//b}, {@code a/./b} and {@code a/b} would be one file, and {@code ..} would
 * climb out of a tenant's namespace.
 */
final class ObjectKeys {

    /** S3's own limit, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    static final String RULE = "1-" + MAX_KEY_BYTES + " UTF-8 bytes of '/'-separated segments, none empty,"
            + " '.' or '..', without backslashes or control characters";

    private static final int PRINTABLE_LENGTH = 200;

    private ObjectKeys() {}

    static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw CrmException.invalid("object key must not be empty (" + RULE + ")");
        }
        requireValidText("object key", key);
        if (key.endsWith("/")) {
            throw rejected("object key", key, "it ends with '/'");
        }
        segments(key).forEach(segment -> requireValidSegment("object key", key, segment));
        return key;
    }

    /** A listing prefix: like a key, but may be empty, end with '/' or stop in the middle of a segment. */
    static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw CrmException.invalid("listing prefix must not be null; use \"\" to list everything");
        }
        requireValidText("listing prefix", prefix);
        List<String> segments = segments(prefix);
        // the open end of a prefix ("a/.." matches "a/..b") is not a segment yet
        segments.subList(0, segments.size() - 1)
                .forEach(segment -> requireValidSegment("listing prefix", prefix, segment));
        return prefix;
    }

    private static void requireValidText(String what, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw rejected(what, text, "it is longer than " + MAX_KEY_BYTES + " UTF-8 bytes");
        }
        if (text.startsWith("/")) {
            throw rejected(what, text, "it starts with '/'");
        }
        text.codePoints().filter(ObjectKeys::forbidden).findFirst().ifPresent(c -> {
            throw rejected(what, text, String.format("it contains the character U+%04X", c));
        });
    }

    private static List<String> segments(String text) {
        return Arrays.asList(text.split("/", -1));
    }

    private static void requireValidSegment(String what, String text, String segment) {
        if (segment.isEmpty()) {
            throw rejected(what, text, "it has an empty segment ('//')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw rejected(what, text, "it has a '" + segment + "' segment");
        }
    }

    // control characters would corrupt logs and listings; backslash is a separator on Windows
    private static boolean forbidden(int c) {
        return Character.isISOControl(c) || c == '\\';
    }

    private static CrmException rejected(String what, String text, String reason) {
        return CrmException.invalid("invalid " + what + " '" + printable(text) + "': " + reason + " (" + RULE + ")");
    }

    /** The text with control characters escaped and cut short, so error messages stay one readable line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(PRINTABLE_LENGTH).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > PRINTABLE_LENGTH ? out + "…" : out.toString();
    }
}
