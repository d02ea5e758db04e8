package com.makcrm.core.i18n;

/**
 * Errors of file attachments ({@code com.makcrm.core.attachment}). English sources equal the texts these errors
 * carried before they were translatable. An attachment is a file attached to a record (a person, a company...).
 */
public final class AttachmentMessages {

    private AttachmentMessages() {}

    private static final String FIELD = "{field}: the input field's API name, untranslated (e.g. name).";
    private static final String ID = " {id}: the attachment's id (a UUID).";

    // the file name, content type and size sent (field errors)

    public static final Message NAME_REQUIRED = new Message(
            "attachment.nameRequired",
            "{field}: file name is required",
            "Validation error: an upload or rename has no file name. " + FIELD);
    public static final Message NAME_EMPTY = new Message(
            "attachment.nameEmpty",
            "{field}: file name must not be empty",
            "Validation error: the file name is empty or only spaces. " + FIELD);
    public static final Message NAME_DOTS = new Message(
            "attachment.nameDots",
            "{field}: file name must not be ''{name}''",
            "Validation error: the file name is . or .. (which mean folders). " + FIELD + " {name}: that name.");
    public static final Message NAME_TOO_LONG = new Message(
            "attachment.nameTooLong",
            "{field}: file name must be at most {max, plural, one {# character} other {# characters}}, got {length}",
            "Validation error. " + FIELD + " {max}: the longest file name; {length}: the length sent.");
    public static final Message NAME_CHARACTER = new Message(
            "attachment.nameCharacter",
            "{field}: file name must not contain {problem, select, separator {a path separator} control {a control"
                    + " character} bidi {a bidirectional text control} surrogate {half of a surrogate pair} other"
                    + " {{problem}}} ({codePoint} at character {position})",
            "Validation error: the file name holds a character that is not allowed. " + FIELD
                    + " {problem}: a keyword (keep the keywords, translate each branch): separator (/ or \\),"
                    + " control (invisible control character), bidi (a character that changes the direction of the"
                    + " text), surrogate (broken Unicode); {codePoint}: the character's code, e.g. U+202E;"
                    + " {position}: which character of the name it is (1 = first).");
    public static final Message CONTENT_TYPE_TOO_LONG = new Message(
            "attachment.contentTypeTooLong",
            "{field}: content type must be at most {max, plural, one {# character} other {# characters}}, got"
                    + " {length}",
            "Validation error: the file's media type (e.g. application/pdf) is too long. " + FIELD
                    + " {max}: the limit; {length}: the length sent.");
    public static final Message CONTENT_TYPE_FORMAT = new Message(
            "attachment.contentTypeFormat",
            "{field}: content type ''{value}'' is not of the form type/subtype (optionally followed by ; name=value"
                    + " parameters), e.g. application/pdf",
            "Validation error: the file's media type is malformed. " + FIELD + " {value}: what was sent."
                    + " Keep application/pdf as it is.");
    public static final Message SIZE_INVALID = new Message(
            "attachment.sizeInvalid",
            "{field}: must be at least 0, or unknown ({unknown}): {length}",
            "Validation error: the announced size of an upload is negative. " + FIELD
                    + " {unknown}: the number meaning unknown (-1); {length}: the size sent.");
    public static final Message TOO_LARGE = new Message(
            "attachment.tooLarge",
            "{field}: attachment ''{name}'' is larger than the limit of {unit, select, mib {{mib} MiB ({size,"
                    + " plural, one {{bytes} bytes} other {{bytes} bytes}})} other {{size, plural, one {{bytes} bytes}"
                    + " other {{bytes} bytes}}}}; nothing was stored",
            "Validation error: an uploaded file is too large. " + FIELD + " {name}: the file's name; {unit}: mib"
                    + " when the limit is whole mebibytes, else bytes (keep the keywords); {mib}: the limit in MiB;"
                    + " {size}: the limit in bytes (selects the plural form); {bytes}: the same number as digits, to"
                    + " display.");
    public static final Message TARGET_REQUIRED = new Message(
            "attachment.targetRequired",
            "{field}: the record to attach to is required",
            "Validation error: an upload names no record to attach the file to. " + FIELD);

    // state

    public static final Message NOT_FOUND =
            new Message("attachment.notFound", "attachment {id} not found", "Error detail." + ID);
    public static final Message TARGET_DELETED = new Message(
            "attachment.targetDeleted",
            "{object} {id} is deleted; restore it before attaching files to it",
            "Error detail: files cannot be attached to a deleted record. {object}: the API name of the record's"
                    + " object type, untranslated (e.g. person, company); {id}: the record id (a UUID).");
    public static final Message DELETED = new Message(
            "attachment.deleted",
            "attachment {id} is deleted; restore it first",
            "Error detail: a deleted attachment cannot be downloaded or changed." + ID);
    public static final Message NOT_DELETED = new Message(
            "attachment.notDeleted",
            "attachment {id} must be deleted before it can be destroyed",
            "Error detail: destroying (erasing for good) works only on an attachment already deleted (in the"
                    + " trash)." + ID);
    public static final Message CONTENT_MISSING = new Message(
            "attachment.contentMissing",
            "the content of attachment {id} is not in storage (it may just have been destroyed)",
            "Error detail: the file's bytes are gone from the file storage." + ID);
    public static final Message STALE_VERSION = new Message(
            "attachment.staleVersion",
            "attachment {id} is at version {current}, but the change was made against version {expected}; reload it"
                    + " and apply the change again",
            "Error detail: someone changed the attachment since the user loaded it." + ID
                    + " {current}, {expected}: version numbers.");
}
