package com.makcrm.core.attachment;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AttachmentMessages;
import com.makcrm.core.i18n.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attachment file names: 1 to {@value #MAX_LENGTH} characters of valid Unicode, no path separator, no control
 * character and no bidirectional control (a right-to-left override can make {@code invoice<U+202E>fdp.exe} display
 * as {@code invoiceexe.pdf}).
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private static final Set<Integer> BIDI_CONTROLS =
            Set.of(0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    private FileNames() {}

    /**
     * The name of an uploaded file. Browsers and tools sometimes send the client's whole path
     * ({@code C:\Users\me\a.pdf}); only its last segment is kept.
     */
    static String fromUpload(String raw) {
        if (raw == null) {
            throw invalid(AttachmentMessages.NAME_REQUIRED, Map.of());
        }
        int lastSeparator = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        return require(raw.substring(lastSeparator + 1));
    }

    /** A name given for an existing attachment: a path here is a mistake, not something to repair. */
    static String require(String raw) {
        if (raw == null) {
            throw invalid(AttachmentMessages.NAME_REQUIRED, Map.of());
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            throw invalid(AttachmentMessages.NAME_EMPTY, Map.of());
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid(AttachmentMessages.NAME_DOTS, Map.of("name", name));
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw invalid(
                    AttachmentMessages.NAME_TOO_LONG, Map.of("max", MAX_LENGTH, "length", String.valueOf(length)));
        }
        int position = 0;
        for (int cp : name.codePoints().toArray()) {
            position++;
            String problem = problemWith(cp);
            if (problem != null) {
                throw invalid(
                        AttachmentMessages.NAME_CHARACTER,
                        Map.of(
                                "problem",
                                problem,
                                "codePoint",
                                String.format("U+%04X", cp),
                                "position",
                                String.valueOf(position)));
            }
        }
        return name;
    }

    /** What is wrong with {@code cp}, as a keyword of {@link AttachmentMessages#NAME_CHARACTER}; null if nothing. */
    private static String problemWith(int cp) {
        if (cp == '/' || cp == '\\') {
            return "separator";
        }
        if (Character.isISOControl(cp)) {
            return "control";
        }
        if (BIDI_CONTROLS.contains(cp)) {
            return "bidi";
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return "surrogate";
        }
        return null;
    }

    private static CrmException invalid(Message message, Map<String, ?> args) {
        Map<String, Object> withField = new LinkedHashMap<>(args);
        withField.put("field", "name");
        return CrmException.invalidFields(List.of(FieldError.of("name", message, withField)));
    }
}
