package com.makcrm.core.record;

import com.makcrm.core.field.CustomValues;
import com.makcrm.core.value.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for one record table: insert, update with version check, select by id, and row → {@link CrmRecord}. */
final class RecordRows {

    private final ObjectModel model;

    RecordRows(ObjectModel model) {
        this.model = model;
    }

    String table() {
        return model.kind().table();
    }

    void insert(Connection c, UUID id, Map<String, Object> columns, Map<String, Object> custom, String actor)
            throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        StringBuilder sql = new StringBuilder("insert into ").append(table()).append(" (id");
        names.forEach(n -> sql.append(", ").append(n));
        if (model.kind().hasCustomFields()) {
            sql.append(", custom");
        }
        sql.append(", created_by, updated_by) values (?");
        names.forEach(n -> sql.append(", ?"));
        if (model.kind().hasCustomFields()) {
            sql.append(", ?::jsonb");
        }
        sql.append(", ?, ?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, id);
            for (String n : names) {
                bind(c, ps, i++, columns.get(n));
            }
            if (model.kind().hasCustomFields()) {
                ps.setString(i++, Json.write(custom));
            }
            ps.setString(i++, actor);
            ps.setString(i, actor);
            ps.executeUpdate();
        }
    }

    /** Writes the given columns when the row is live and at {@code expectedVersion}; false otherwise. */
    boolean update(
            Connection c,
            UUID id,
            int expectedVersion,
            Map<String, Object> columns,
            Map<String, Object> custom,
            String actor)
            throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        StringBuilder sql = new StringBuilder("update ")
                .append(table())
                .append(" set version = version + 1,")
                .append(" updated_at = clock_timestamp(), updated_by = ?");
        names.forEach(n -> sql.append(", ").append(n).append(" = ?"));
        if (custom != null) {
            sql.append(", custom = ?::jsonb");
        }
        sql.append(" where id = ? and version = ? and deleted_at is null");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, actor);
            for (String n : names) {
                bind(c, ps, i++, columns.get(n));
            }
            if (custom != null) {
                ps.setString(i++, Json.write(custom));
            }
            ps.setObject(i++, id);
            ps.setInt(i, expectedVersion);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sets or clears deleted_at, bumping the version. */
    void setDeleted(Connection c, UUID id, boolean deleted, String actor) throws SQLException {
        String sql = "update " + table() + " set deleted_at = " + (deleted ? "clock_timestamp()" : "null")
                + ", version = version + 1, updated_at = clock_timestamp(), updated_by = ? where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    void destroy(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table() + " where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    Optional<CrmRecord> find(Connection c, UUID id, boolean lock, CustomValues custom, Targets targets)
            throws SQLException {
        String sql = "select * from " + table() + " where id = ?" + (lock ? " for update" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CrmRecord r = read(rs, custom);
                return Optional.of(targets == null ? r : targets.attach(c, r));
            }
        }
    }

    /** Maps the current row (which must hold all columns of the table) to a record. */
    CrmRecord read(ResultSet rs, CustomValues custom) throws SQLException {
        Map<String, Object> f = new LinkedHashMap<>();
        UUID id = rs.getObject("id", UUID.class);
        int version = rs.getInt("version");
        f.put("id", id.toString());
        f.put("version", version);
        for (Attribute a : model.attributes().values()) {
            f.put(a.name(), a.read(rs));
        }
        if (model.kind().hasCustomFields()) {
            f.put("custom", custom.visible(Json.readObject(rs.getString("custom"))));
        }
        f.put("createdAt", instant(rs, "created_at"));
        f.put("createdBy", rs.getString("created_by"));
        f.put("updatedAt", instant(rs, "updated_at"));
        f.put("updatedBy", rs.getString("updated_by"));
        f.put("deletedAt", instant(rs, "deleted_at"));
        return new CrmRecord(model.kind(), id, version, f);
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().toString();
    }

    static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof String[] array) {
            ps.setArray(index, c.createArrayOf("text", array));
        } else {
            ps.setObject(index, value);
        }
    }
}
