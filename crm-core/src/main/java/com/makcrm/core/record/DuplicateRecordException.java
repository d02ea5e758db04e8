package com.makcrm.core.record;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.RecordMessages;
import java.util.Map;
import java.util.UUID;

/** CONFLICT on create: a record with the same email (person) or domain (company) exists already. */
public final class DuplicateRecordException extends CrmException {

    private final ObjectKind kind;
    private final UUID existingId;
    private final String matchedOn;

    DuplicateRecordException(ObjectKind kind, UUID existingId, String matchedOn, String value) {
        this(kind, existingId, matchedOn, args(kind, existingId, matchedOn, value));
    }

    private DuplicateRecordException(ObjectKind kind, UUID existingId, String matchedOn, Map<String, Object> args) {
        super(ErrorCategory.CONFLICT, RecordMessages.DUPLICATE.english(args));
        withMessage(RecordMessages.DUPLICATE, args);
        this.kind = kind;
        this.existingId = existingId;
        this.matchedOn = matchedOn;
    }

    private static Map<String, Object> args(ObjectKind kind, UUID existingId, String matchedOn, String value) {
        return Map.of(
                "object",
                kind.apiName(),
                "field",
                String.valueOf(matchedOn),
                "value",
                String.valueOf(value),
                "existing",
                String.valueOf(existingId));
    }

    public ObjectKind kind() {
        return kind;
    }

    public UUID existingId() {
        return existingId;
    }

    /** The field that matched: {@code emails} or {@code domain}. */
    public String matchedOn() {
        return matchedOn;
    }
}
