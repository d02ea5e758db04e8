package com.makcrm.core.record;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.util.UUID;

/** CONFLICT on create: a record with the same email (person) or domain (company) exists already. */
public final class DuplicateRecordException extends CrmException {

    private final ObjectKind kind;
    private final UUID existingId;
    private final String matchedOn;

    DuplicateRecordException(ObjectKind kind, UUID existingId, String matchedOn, String value) {
        super(
                ErrorCategory.CONFLICT,
                "a " + kind.apiName() + " with " + matchedOn + " '" + value + "' already exists: " + existingId
                        + " (create with upsert to update it instead)");
        this.kind = kind;
        this.existingId = existingId;
        this.matchedOn = matchedOn;
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
