package com.makcrm.core.i18n.po;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a gettext PO catalog, as Lingui writes it.
 *
 * <p>{@code msgstr} holds one translation, or one per plural form ({@code msgstr[n]}) when {@code msgidPlural} is
 * set. {@code references} holds each {@code #:} line's text (Lingui writes one origin per line). {@code previous}
 * holds each {@code #|} line's text unparsed. The header is the entry with an empty msgid and no context.
 */
public record PoEntry(
        List<String> translatorComments,
        List<String> extractedComments,
        List<String> references,
        List<String> flags,
        List<String> previous,
        String msgctxt,
        String msgid,
        String msgidPlural,
        List<String> msgstr,
        boolean obsolete) {

    /**
     * The extracted comment by which Lingui marks a message whose msgid is an explicit id rather than the source
     * text (Lingui's PO formatter, unless {@code explicitIdAsDefault} is set).
     */
    public static final String EXPLICIT_ID_FLAG = "js-lingui-explicit-id";

    public PoEntry {
        translatorComments = List.copyOf(translatorComments);
        extractedComments = List.copyOf(extractedComments);
        references = List.copyOf(references);
        flags = List.copyOf(flags);
        previous = List.copyOf(previous);
        Objects.requireNonNull(msgid, "msgid");
        msgstr = List.copyOf(msgstr);
        if (msgstr.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one msgstr");
        }
        if (msgidPlural == null && msgstr.size() != 1) {
            throw new IllegalArgumentException("only a plural entry (msgid_plural) has several msgstr[n]");
        }
    }

    /** A plain message: no comments, no context. */
    public static PoEntry of(String msgid, String msgstr) {
        return new PoEntry(
                List.of(), List.of(), List.of(), List.of(), List.of(), null, msgid, null, List.of(msgstr), false);
    }

    /**
     * A message with an explicit id as Lingui writes it: msgid is the id, msgstr the message in this catalog's
     * locale, and the {@value #EXPLICIT_ID_FLAG} comment after the developer's comments.
     */
    public static PoEntry explicitId(String id, String message, List<String> comments, List<String> origins) {
        List<String> extracted = new ArrayList<>(comments);
        if (!extracted.contains(EXPLICIT_ID_FLAG)) {
            extracted.add(EXPLICIT_ID_FLAG);
        }
        return new PoEntry(
                List.of(), extracted, origins, List.of(), List.of(), null, id, null, List.of(message), false);
    }

    public boolean isHeader() {
        return msgid.isEmpty() && msgctxt == null;
    }

    public boolean isPlural() {
        return msgidPlural != null;
    }

    /** The translation of a non-plural entry (the first form of a plural one). */
    public String translation() {
        return msgstr.get(0);
    }

    /** Whether Lingui treats msgid as an explicit id (not as source text to hash). */
    public boolean hasExplicitId() {
        return extractedComments.contains(EXPLICIT_ID_FLAG);
    }

    public boolean isFuzzy() {
        return flags.contains("fuzzy");
    }

    /** Whether {@code other} is the same message: same context and msgid. */
    public boolean sameKey(PoEntry other) {
        return Objects.equals(msgctxt, other.msgctxt) && msgid.equals(other.msgid);
    }

    public PoEntry withMsgstr(List<String> forms) {
        return new PoEntry(
                translatorComments,
                extractedComments,
                references,
                flags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                forms,
                obsolete);
    }

    public PoEntry withTranslation(String translation) {
        return withMsgstr(List.of(translation));
    }

    public PoEntry withTranslatorComments(List<String> comments) {
        return new PoEntry(
                comments,
                extractedComments,
                references,
                flags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                msgstr,
                obsolete);
    }

    public PoEntry withExtractedComments(List<String> comments) {
        return new PoEntry(
                translatorComments,
                comments,
                references,
                flags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                msgstr,
                obsolete);
    }

    public PoEntry withReferences(List<String> origins) {
        return new PoEntry(
                translatorComments,
                extractedComments,
                origins,
                flags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                msgstr,
                obsolete);
    }

    public PoEntry withFlags(List<String> newFlags) {
        return new PoEntry(
                translatorComments,
                extractedComments,
                references,
                newFlags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                msgstr,
                obsolete);
    }

    public PoEntry withContext(String context) {
        return new PoEntry(
                translatorComments,
                extractedComments,
                references,
                flags,
                previous,
                context,
                msgid,
                msgidPlural,
                msgstr,
                obsolete);
    }

    public PoEntry withObsolete(boolean isObsolete) {
        return new PoEntry(
                translatorComments,
                extractedComments,
                references,
                flags,
                previous,
                msgctxt,
                msgid,
                msgidPlural,
                msgstr,
                isObsolete);
    }
}
