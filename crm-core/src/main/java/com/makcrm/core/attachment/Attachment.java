package com.makcrm.core.attachment;

import com.makcrm.core.record.ObjectKind;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file attached to one record.
 *
 * @param size the content's length in bytes
 * @param sha256 the SHA-256 of the content in lowercase hex, computed while it was stored
 * @param target the kind of record the file is attached to
 * @param deletedAt when it was soft-deleted, or null while it is live
 */
public record Attachment(
        UUID id,
        String name,
        String contentType,
        long size,
        String sha256,
        ObjectKind target,
        UUID targetId,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant deletedAt,
        int version) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetId, "targetId");
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
