package com.makcrm.core.attachment;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.AttachmentMessages;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.timeline.Timeline;
import com.makcrm.core.timeline.TimelineEvent.Action;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files attached to records: upload, list, download, rename, soft delete and restore, and hard destroy. Content is
 * streamed to and from object storage, never held in memory whole, under {@code attachments/<attachment-id>} in the
 * tenant's part of the store ({@link TenantStorage}); rows and their timeline events live in the tenant schema.
 *
 * <p>An upload stores the content first and then records it in one transaction (row and timeline event); if that
 * transaction fails, the content is removed again. Readers therefore never see an attachment without content. A
 * destroy removes the row first and the content afterwards, for the same reason.
 */
public final class AttachmentService {

    /** The largest attachment accepted unless configured otherwise: 100 MiB. */
    public static final long DEFAULT_MAX_SIZE = 100L * 1024 * 1024;

    /** The {@code object} of attachment events in the timeline. */
    public static final String TIMELINE_OBJECT = "attachment";

    static final String KEY_PREFIX = "attachments/";

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);

    // failures after which the transaction has certainly been rolled back: the row cannot exist
    private static final Set<ErrorCategory> ROLLED_BACK =
            EnumSet.of(ErrorCategory.INVALID, ErrorCategory.NOT_FOUND, ErrorCategory.CONFLICT, ErrorCategory.FORBIDDEN);

    private final TenantTransactions tx;
    private final ObjectStorage storage;
    private final long maxSize;

    /**
     * @param storage the shared store; each tenant's attachments are kept under its own {@code tenants/<id>/}
     *     prefix. The service does not close it.
     */
    public AttachmentService(TenantTransactions tx, ObjectStorage storage) {
        this(tx, storage, DEFAULT_MAX_SIZE);
    }

    /** @param maxSize the largest attachment accepted, in bytes */
    public AttachmentService(TenantTransactions tx, ObjectStorage storage, long maxSize) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.storage = Objects.requireNonNull(storage, "storage");
        if (maxSize < 1) {
            throw CrmException.invalid("the attachment size limit must be at least 1 byte, got " + maxSize);
        }
        this.maxSize = maxSize;
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Attaches a file to a live record. The content is read to its end but not closed.
     *
     * @param fileName the file's name; any directories in it ({@code C:\docs\a.pdf}) are dropped
     * @param contentType a media type such as {@code application/pdf}, or null for
     *     {@value ObjectStorage#DEFAULT_CONTENT_TYPE}
     * @param length the exact number of bytes {@code content} yields, or {@link ObjectStorage#UNKNOWN_LENGTH}
     * @throws CrmException NOT_FOUND if the record does not exist or is deleted; INVALID for a bad name or content
     *     type, content longer than {@link #maxSize()} or than declared, or a stream that fails while being read. In
     *     every failure nothing remains stored.
     */
    public Attachment upload(
            TenantScope scope,
            ObjectKind target,
            UUID targetId,
            String fileName,
            String contentType,
            long length,
            InputStream content) {
        requireTarget(target, targetId);
        Objects.requireNonNull(content, "content");
        String name = FileNames.fromUpload(fileName);
        String type = ContentTypes.normalize(contentType);
        requireLength(name, length);
        // an early look, so a large file is not streamed to a record that is not there; the write checks again
        tx.read(scope.schema(), c -> {
            AttachmentRows.requireLiveTarget(c, target, targetId, false);
            return null;
        });
        UUID id = UuidV7.next();
        String key = KEY_PREFIX + id;
        TenantStorage files = TenantStorage.of(storage, scope.tenantId());
        StoredObject stored = store(files, key, name, type, length, content);
        AttachmentRows.NewRow row =
                new AttachmentRows.NewRow(id, name, type, stored.size(), stored.sha256Hex(), key, target, targetId);
        try {
            return tx.write(scope.schema(), c -> {
                AttachmentRows.requireLiveTarget(c, target, targetId, true);
                Attachment created = AttachmentRows.insert(c, row, scope.actor());
                Timeline.append(
                        c,
                        scope.actor(),
                        TIMELINE_OBJECT,
                        id,
                        Action.CREATED,
                        Timeline.diff(Map.of(), auditable(created)));
                return created;
            });
        } catch (RuntimeException | Error e) {
            discardUnlessRecorded(scope, files, key, id, e);
            throw e;
        }
    }

    /** An attachment, live or soft-deleted. */
    public Attachment get(TenantScope scope, UUID id) {
        return tx.read(scope.schema(), c -> require(c, id, false)).attachment();
    }

    /** The live attachments of a record, newest first. NOT_FOUND if there is no such record. */
    public List<Attachment> list(TenantScope scope, ObjectKind target, UUID targetId) {
        requireTarget(target, targetId);
        return tx.read(scope.schema(), c -> {
            if (!AttachmentRows.targetExists(c, target, targetId)) {
                throw CrmException.notFound(
                        CoreMessages.RECORD_NOT_FOUND,
                        Map.of("object", target.apiName(), "id", String.valueOf(targetId)));
            }
            return AttachmentRows.listLive(c, target, targetId);
        });
    }

    /**
     * Opens a live attachment's content for download, streamed from storage; the caller closes it. No database
     * connection is held while it is read.
     *
     * @throws CrmException NOT_FOUND if there is no such attachment or its content is gone; CONFLICT if it is
     *     deleted
     */
    public AttachmentStream open(TenantScope scope, UUID id) {
        AttachmentRows.Row row = tx.read(scope.schema(), c -> require(c, id, false));
        Attachment attachment = row.attachment();
        if (attachment.deleted()) {
            throw deleted(id);
        }
        StoredObjectStream content = openContent(scope, row);
        if (content.object().size() != attachment.size()) {
            closeQuietly(content);
            throw CrmException.internal(
                    "the stored content of attachment " + id + " has "
                            + content.object().size() + " bytes, but " + attachment.size()
                            + " were uploaded; it is damaged or was replaced",
                    null);
        }
        String what = "attachment " + id;
        return new AttachmentStream(
                attachment, new VerifyingInputStream(content, what, attachment.size(), attachment.sha256()));
    }

    /** Renames a live attachment; a stale {@code expectedVersion} is a CONFLICT naming both versions. */
    public Attachment rename(TenantScope scope, UUID id, int expectedVersion, String newName) {
        String name = FileNames.require(newName);
        return tx.write(scope.schema(), c -> {
            Attachment before = require(c, id, true).attachment();
            if (before.deleted()) {
                throw deleted(id);
            }
            requireVersion(before, expectedVersion);
            if (before.name().equals(name)) {
                return before;
            }
            Attachment after = AttachmentRows.rename(c, id, name, scope.actor());
            Timeline.append(
                    c,
                    scope.actor(),
                    TIMELINE_OBJECT,
                    id,
                    Action.UPDATED,
                    Timeline.diff(auditable(before), auditable(after)));
            return after;
        });
    }

    /**
     * Soft delete: the attachment leaves listings and cannot be downloaded, but its content is kept until it is
     * destroyed. Deleting a deleted attachment changes nothing.
     *
     * @param expectedVersion checked when given
     */
    public Attachment delete(TenantScope scope, UUID id, Integer expectedVersion) {
        return tx.write(scope.schema(), c -> {
            Attachment before = require(c, id, true).attachment();
            if (expectedVersion != null) {
                requireVersion(before, expectedVersion);
            }
            if (before.deleted()) {
                return before;
            }
            Attachment after = AttachmentRows.setDeleted(c, id, true, scope.actor());
            Timeline.append(c, scope.actor(), TIMELINE_OBJECT, id, Action.DELETED, deletedDiff(before, after));
            return after;
        });
    }

    /** Undoes a soft delete; restoring a live attachment changes nothing. */
    public Attachment restore(TenantScope scope, UUID id) {
        return tx.write(scope.schema(), c -> {
            Attachment before = require(c, id, true).attachment();
            if (!before.deleted()) {
                return before;
            }
            Attachment after = AttachmentRows.setDeleted(c, id, false, scope.actor());
            Timeline.append(c, scope.actor(), TIMELINE_OBJECT, id, Action.RESTORED, deletedDiff(before, after));
            return after;
        });
    }

    /**
     * Permanently removes a soft-deleted attachment: first its row (its timeline stays, with a DESTROYED event),
     * then its content. CONFLICT if it is not deleted first.
     *
     * <p>If the content cannot be removed once the row is gone, the attachment is still destroyed (nothing refers
     * to the content any more); the leftover object is logged with its key.
     */
    public void destroy(TenantScope scope, UUID id) {
        AttachmentRows.Row row = tx.write(scope.schema(), c -> {
            AttachmentRows.Row found = require(c, id, true);
            Attachment before = found.attachment();
            if (!before.deleted()) {
                throw CrmException.conflict(AttachmentMessages.NOT_DELETED, Map.of("id", String.valueOf(id)));
            }
            AttachmentRows.delete(c, id);
            Timeline.append(
                    c,
                    scope.actor(),
                    TIMELINE_OBJECT,
                    id,
                    Action.DESTROYED,
                    Timeline.diff(auditable(before), Map.of()));
            return found;
        });
        try {
            TenantStorage.of(storage, scope.tenantId()).delete(row.storageKey());
        } catch (RuntimeException e) {
            LOG.warn(
                    "destroyed attachment {} of tenant {}, but could not remove its content '{}' from {}",
                    id,
                    scope.tenantId(),
                    row.storageKey(),
                    storage,
                    e);
        }
    }

    private StoredObject store(
            TenantStorage files, String key, String name, String type, long length, InputStream content) {
        SizeLimitedInputStream limited = new SizeLimitedInputStream(content, maxSize);
        try {
            StoredObject stored = files.put(key, limited, length, type);
            if (stored.sha256Hex() == null) {
                throw CrmException.internal("storage " + storage + " did not report the SHA-256 of " + key, null);
            }
            return stored;
        } catch (RuntimeException | Error e) {
            // a failed put leaves nothing by the storage contract; the key is fresh, so removing it is safe anyway
            deleteQuietly(files, key, e);
            if (limited.exceeded()) {
                throw tooLarge(name, e);
            }
            throw e;
        }
    }

    /**
     * Removes the content of an upload whose transaction failed. Only a failure at commit can leave it unclear
     * whether the row was written; then the row is looked up, and the content kept if the row is there or cannot be
     * checked: an unreferenced object is harmless, a row without its content is not.
     */
    private void discardUnlessRecorded(TenantScope scope, TenantStorage files, String key, UUID id, Throwable failure) {
        boolean certainlyRolledBack = failure instanceof CrmException crm && ROLLED_BACK.contains(crm.category());
        if (!certainlyRolledBack) {
            try {
                if (tx.read(
                        scope.schema(), c -> AttachmentRows.find(c, id, false).isPresent())) {
                    LOG.warn(
                            "attachment {} of tenant {} was recorded although its transaction reported: {}",
                            id,
                            scope.tenantId(),
                            failure.toString());
                    return;
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                LOG.warn(
                        "could not tell whether attachment {} of tenant {} was recorded; keeping its content '{}'",
                        id,
                        scope.tenantId(),
                        key,
                        e);
                return;
            }
        }
        deleteQuietly(files, key, failure);
    }

    private void deleteQuietly(TenantStorage files, String key, Throwable failure) {
        try {
            files.delete(key);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("could not remove the content '{}' of a failed upload from {}", key, files, e);
        }
    }

    private StoredObjectStream openContent(TenantScope scope, AttachmentRows.Row row) {
        try {
            return TenantStorage.of(storage, scope.tenantId()).get(row.storageKey());
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                Map<String, Object> args =
                        Map.of("id", String.valueOf(row.attachment().id()));
                throw new CrmException(ErrorCategory.NOT_FOUND, AttachmentMessages.CONTENT_MISSING.english(args), e)
                        .withMessage(AttachmentMessages.CONTENT_MISSING, args);
            }
            throw e;
        }
    }

    private void requireLength(String name, long length) {
        if (length < ObjectStorage.UNKNOWN_LENGTH) {
            throw CrmException.invalidFields(List.of(FieldError.of(
                    "size",
                    AttachmentMessages.SIZE_INVALID,
                    Map.of(
                            "field",
                            "size",
                            "unknown",
                            String.valueOf(ObjectStorage.UNKNOWN_LENGTH),
                            "length",
                            String.valueOf(length)))));
        }
        if (length > maxSize) {
            throw tooLarge(name, null);
        }
    }

    private CrmException tooLarge(String name, Throwable cause) {
        Map<String, Object> args = sizeArgs(maxSize);
        args.put("field", "size");
        args.put("name", String.valueOf(name));
        CrmException e = CrmException.invalidFields(List.of(FieldError.of("size", AttachmentMessages.TOO_LARGE, args)));
        if (cause != null) {
            e.addSuppressed(cause); // the field error is what callers report; the storage failure is for logs
        }
        return e;
    }

    /** {@code bytes} as the {@code unit}, {@code mib}, {@code size} and {@code bytes} arguments of a message. */
    static Map<String, Object> sizeArgs(long bytes) {
        long mib = 1024L * 1024;
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("unit", bytes % mib == 0 ? "mib" : "bytes");
        args.put("mib", String.valueOf(bytes / mib));
        args.put("size", bytes);
        args.put("bytes", String.valueOf(bytes));
        return args;
    }

    private static void requireTarget(ObjectKind target, UUID targetId) {
        if (target == null || targetId == null) {
            throw CrmException.invalidFields(
                    List.of(FieldError.of("target", AttachmentMessages.TARGET_REQUIRED, Map.of("field", "target"))));
        }
    }

    private static AttachmentRows.Row require(Connection c, UUID id, boolean lock) throws SQLException {
        return AttachmentRows.find(c, id, lock)
                .orElseThrow(
                        () -> CrmException.notFound(AttachmentMessages.NOT_FOUND, Map.of("id", String.valueOf(id))));
    }

    private static void requireVersion(Attachment current, int expected) {
        if (current.version() != expected) {
            throw CrmException.conflict(
                    AttachmentMessages.STALE_VERSION,
                    Map.of(
                            "id",
                            String.valueOf(current.id()),
                            "current",
                            String.valueOf(current.version()),
                            "expected",
                            String.valueOf(expected)));
        }
    }

    private static CrmException deleted(UUID id) {
        return CrmException.conflict(AttachmentMessages.DELETED, Map.of("id", String.valueOf(id)));
    }

    private static Map<String, Object> auditable(Attachment a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", a.name());
        fields.put("contentType", a.contentType());
        fields.put("size", a.size());
        fields.put("sha256", a.sha256());
        fields.put("target", a.target().apiName());
        fields.put("targetId", a.targetId().toString());
        return fields;
    }

    private static Map<String, Object> deletedDiff(Attachment before, Attachment after) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(
                "deletedAt",
                before.deletedAt() == null ? null : before.deletedAt().toString());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("deletedAt", after.deletedAt() == null ? null : after.deletedAt().toString());
        return Timeline.diff(b, a);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the error being reported matters more
        }
    }
}
