package com.makcrm.core.attachment;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AttachmentMessages;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.record.ObjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL on the {@code attachment} table, inside the caller's tenant transaction. Table and column names come from
 * {@link ObjectKind}, never from input; values are always bound.
 */
final class AttachmentRows {

    private static final String COLUMNS = "id, name, content_type, size_bytes, sha256, storage_key, company_id,"
            + " person_id, opportunity_id, task_id, note_id, created_at, created_by, updated_at, updated_by,"
            + " deleted_at, version";

    /** An attachment with where its content is, relative to the tenant's part of the store. */
    record Row(Attachment attachment, String storageKey) {}

    /** What an upload inserts. */
    record NewRow(
            UUID id,
            String name,
            String contentType,
            long size,
            String sha256,
            String storageKey,
            ObjectKind target,
            UUID targetId) {}

    private AttachmentRows() {}

    /**
     * NOT_FOUND unless the target record exists and is not deleted. With {@code lock}, the record is share-locked
     * until commit, so it cannot be deleted while a file is being attached to it.
     */
    static void requireLiveTarget(Connection c, ObjectKind kind, UUID id, boolean lock) throws SQLException {
        String sql = "select deleted_at from " + kind.table() + " where id = ?" + (lock ? " for share" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw CrmException.notFound(
                            CoreMessages.RECORD_NOT_FOUND, Map.of("object", kind.apiName(), "id", String.valueOf(id)));
                }
                if (rs.getObject("deleted_at") != null) {
                    throw CrmException.notFound(
                            AttachmentMessages.TARGET_DELETED,
                            Map.of("object", kind.apiName(), "id", String.valueOf(id)));
                }
            }
        }
    }

    static boolean targetExists(Connection c, ObjectKind kind, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from " + kind.table() + " where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Attachment insert(Connection c, NewRow row, String actor) throws SQLException {
        String sql = "insert into attachment (id, name, content_type, size_bytes, sha256, storage_key, "
                + targetColumn(row.target()) + ", created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), ?, clock_timestamp(), ?) returning " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, row.id());
            ps.setString(2, row.name());
            ps.setString(3, row.contentType());
            ps.setLong(4, row.size());
            ps.setString(5, row.sha256());
            ps.setString(6, row.storageKey());
            ps.setObject(7, row.targetId());
            ps.setString(8, actor);
            ps.setString(9, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs).attachment();
            }
        }
    }

    /** With {@code lock}, the row is locked for update until commit. */
    static Optional<Row> find(Connection c, UUID id, boolean lock) throws SQLException {
        String sql = "select " + COLUMNS + " from attachment where id = ?" + (lock ? " for update" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Live attachments of one record, newest first. */
    static List<Attachment> listLive(Connection c, ObjectKind kind, UUID targetId) throws SQLException {
        String sql = "select " + COLUMNS + " from attachment where " + targetColumn(kind)
                + " = ? and deleted_at is null order by created_at desc, id desc";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Attachment> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs).attachment());
                }
                return out;
            }
        }
    }

    static Attachment rename(Connection c, UUID id, String name, String actor) throws SQLException {
        return change(c, id, "name = ?", name, actor);
    }

    static Attachment setDeleted(Connection c, UUID id, boolean deleted, String actor) throws SQLException {
        return change(c, id, "deleted_at = " + (deleted ? "clock_timestamp()" : "null"), null, actor);
    }

    static void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from attachment where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    private static Attachment change(Connection c, UUID id, String assignment, String value, String actor)
            throws SQLException {
        String sql = "update attachment set " + assignment + ", version = version + 1,"
                + " updated_at = clock_timestamp(), updated_by = ? where id = ? returning " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                ps.setString(i++, value);
            }
            ps.setString(i++, actor);
            ps.setObject(i, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw CrmException.notFound(AttachmentMessages.NOT_FOUND, Map.of("id", String.valueOf(id)));
                }
                return read(rs).attachment();
            }
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        ObjectKind target = null;
        UUID targetId = null;
        for (ObjectKind kind : ObjectKind.values()) {
            UUID value = rs.getObject(targetColumn(kind), UUID.class);
            if (value != null) {
                target = kind;
                targetId = value;
            }
        }
        Attachment attachment = new Attachment(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                target,
                targetId,
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"),
                instant(rs, "deleted_at"),
                rs.getInt("version"));
        return new Row(attachment, rs.getString("storage_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String targetColumn(ObjectKind kind) {
        return switch (kind) {
            case COMPANY -> "company_id";
            case PERSON -> "person_id";
            case OPPORTUNITY -> "opportunity_id";
            case TASK -> "task_id";
            case NOTE -> "note_id";
        };
    }
}
