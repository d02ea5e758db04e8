package com.makcrm.core.attachment;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AttachmentMessages;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.storage.ObjectStorage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Media types as {@code type/subtype} (RFC 6838 names) with optional {@code ; name=value} parameters. */
final class ContentTypes {

    static final int MAX_LENGTH = 255;

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\x00-\\x1f\\x7f]|\\\\[\\x20-\\x7e])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "(" + NAME + "/" + NAME + ")((?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*)");

    private ContentTypes() {}

    /** The type with its name lowercased, or {@value ObjectStorage#DEFAULT_CONTENT_TYPE} when none is given. */
    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return ObjectStorage.DEFAULT_CONTENT_TYPE;
        }
        String type = raw.strip();
        if (type.length() > MAX_LENGTH) {
            throw invalid(
                    AttachmentMessages.CONTENT_TYPE_TOO_LONG,
                    Map.of("field", "contentType", "max", MAX_LENGTH, "length", String.valueOf(type.length())));
        }
        Matcher m = MEDIA_TYPE.matcher(type);
        if (!m.matches()) {
            throw invalid(
                    AttachmentMessages.CONTENT_TYPE_FORMAT, Map.of("field", "contentType", "value", printable(type)));
        }
        return m.group(1).toLowerCase(Locale.ROOT) + m.group(2);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static CrmException invalid(Message message, Map<String, ?> args) {
        return CrmException.invalidFields(List.of(FieldError.of("contentType", message, args)));
    }
}
