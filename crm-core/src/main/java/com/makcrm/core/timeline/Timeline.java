package com.makcrm.core.timeline;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.timeline.TimelineEvent.Action;
import com.makcrm.core.value.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit history of records. Events are appended inside the transaction of the change they describe, so a
 * change and its history commit or roll back together.
 */
public final class Timeline {

    public static final int MAX_PAGE = 200;
    private final TenantTransactions tx;

    public Timeline(TenantTransactions tx) {
        this.tx = tx;
    }

    /** Appends an event in the caller's transaction (search_path already on the tenant schema). */
    public static void append(
            Connection c, String actor, String object, UUID recordId, Action action, Map<String, Object> diff)
            throws SQLException {
        String sql = "insert into timeline_event (id, actor, object, record_id, action, diff)"
                + " values (?, ?, ?, ?, ?, ?::jsonb)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UuidV7.next());
            ps.setString(2, actor);
            ps.setString(3, object);
            ps.setObject(4, recordId);
            ps.setString(5, action.name());
            ps.setString(6, Json.write(diff));
            ps.executeUpdate();
        }
    }

    /** Field-level differences between two flattened records; fields equal on both sides are left out. */
    public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(b, a)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", b);
                change.put("after", a);
                out.put(key, change);
            }
        }
        return out;
    }

    /** Newest first; {@code before} is the id of the last event of the previous page. */
    public List<TimelineEvent> list(TenantScope scope, String object, UUID recordId, UUID before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CrmException.invalid(
                    RecordMessages.TIMELINE_LIMIT,
                    Map.of("max", String.valueOf(MAX_PAGE), "limit", String.valueOf(limit)));
        }
        String sql = "select id, occurred_at, actor, object, record_id, action, diff from timeline_event"
                + " where object = ? and record_id = ?"
                + (before == null
                        ? ""
                        : " and (occurred_at, id) < (select occurred_at, id from timeline_event where id = ?)")
                + " order by occurred_at desc, id desc limit ?";
        return tx.read(scope.schema(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, object);
                ps.setObject(i++, recordId);
                if (before != null) {
                    ps.setObject(i++, before);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<TimelineEvent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static TimelineEvent map(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("occurred_at");
        return new TimelineEvent(
                rs.getObject("id", UUID.class),
                at == null ? Instant.EPOCH : at.toInstant(),
                rs.getString("actor"),
                rs.getString("object"),
                rs.getObject("record_id", UUID.class),
                Action.valueOf(rs.getString("action")),
                Json.readObject(rs.getString("diff")));
    }
}
