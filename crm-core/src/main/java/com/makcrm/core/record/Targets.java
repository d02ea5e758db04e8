package com.makcrm.core.record;

import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Links of a task or note to companies, people and opportunities: {@code {"companyIds": [...], "personIds": [...],
 * "opportunityIds": [...]}} in the API, one row per link in {@code task_target} / {@code note_target}.
 */
final class Targets {

    static final int MAX_LINKS = 100;
    private static final Map<String, ObjectKind> KEYS = Map.of(
            "companyIds", ObjectKind.COMPANY, "personIds", ObjectKind.PERSON, "opportunityIds", ObjectKind.OPPORTUNITY);
    private static final List<String> ORDER = List.of("companyIds", "personIds", "opportunityIds");

    private final ObjectKind owner;

    Targets(ObjectKind owner) {
        this.owner = owner;
    }

    private String table() {
        return owner.table() + "_target";
    }

    private String ownerColumn() {
        return owner.table() + "_id";
    }

    /** The API form: one list of ids per kind of target, all present in records. */
    static FieldDescription describe() {
        List<FieldDescription> lists = ORDER.stream()
                .map(key -> FieldDescription.field(key, FieldDescription.Type.ARRAY)
                        .notNull()
                        .max((long) MAX_LINKS)
                        .items(FieldDescription.field(key, FieldDescription.Type.STRING)
                                .format("uuid")
                                .notNull()
                                .description("Id of a linked " + KEYS.get(key).apiName())
                                .build())
                        .build())
                .toList();
        return FieldDescription.field("targets", FieldDescription.Type.OBJECT)
                .notNull()
                .description("The companies, people and opportunities the record is about, at most " + MAX_LINKS
                        + " links in all; a write replaces all links (a list left out becomes empty)")
                .properties(lists)
                .build();
    }

    /** Parses the API form; unknown keys and malformed ids are field errors. */
    Map<ObjectKind, Set<UUID>> parse(Object raw, FieldErrors errors) {
        Map<ObjectKind, Set<UUID>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        Map<String, Object> in = errors.check("targets", () -> Coerce.object("targets", raw));
        if (in == null) {
            return out;
        }
        int total = 0;
        for (Map.Entry<String, Object> e : in.entrySet()) {
            ObjectKind kind = KEYS.get(e.getKey());
            if (kind == null) {
                errors.add(
                        "targets." + e.getKey(),
                        RecordMessages.TARGET_UNKNOWN,
                        Map.of("field", "targets." + e.getKey(), "known", ORDER.toString()));
                continue;
            }
            Set<UUID> ids = new LinkedHashSet<>();
            List<Object> list = e.getValue() == null
                    ? List.of()
                    : errors.check("targets." + e.getKey(), () -> Coerce.list("targets." + e.getKey(), e.getValue()));
            for (int i = 0; list != null && i < list.size(); i++) {
                String path = "targets." + e.getKey() + "[" + i + "]";
                Object item = list.get(i);
                UUID id = errors.check(path, () -> Coerce.uuid(path, item));
                if (id != null) {
                    ids.add(id);
                }
            }
            total += ids.size();
            out.put(kind, ids);
        }
        if (total > MAX_LINKS) {
            errors.add(
                    "targets",
                    RecordMessages.TOO_MANY_TARGETS,
                    Map.of("field", "targets", "max", MAX_LINKS, "count", String.valueOf(total)));
        }
        return out;
    }

    void replace(Connection c, UUID ownerId, Map<ObjectKind, Set<UUID>> links) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table() + " where " + ownerColumn() + " = ?")) {
            ps.setObject(1, ownerId);
            ps.executeUpdate();
        }
        for (Map.Entry<ObjectKind, Set<UUID>> e : links.entrySet()) {
            String sql = "insert into " + table() + " (" + ownerColumn() + ", "
                    + e.getKey().table() + "_id)" + " values (?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (UUID id : e.getValue()) {
                    ps.setObject(1, ownerId);
                    ps.setObject(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Links of many records in one query, so a page of tasks costs one extra query, not one per task. */
    List<CrmRecord> attachAll(Connection c, List<CrmRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return records;
        }
        Map<UUID, Map<String, List<String>>> byOwner = new LinkedHashMap<>();
        for (CrmRecord r : records) {
            Map<String, List<String>> ids = new LinkedHashMap<>();
            ORDER.forEach(k -> ids.put(k, new ArrayList<>()));
            byOwner.put(r.id(), ids);
        }
        String sql = "select " + ownerColumn() + ", company_id, person_id, opportunity_id from " + table() + " where "
                + ownerColumn() + " = any(?) order by company_id, person_id, opportunity_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", byOwner.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, List<String>> ids = byOwner.get(rs.getObject(1, UUID.class));
                    add(ids, "companyIds", rs.getObject(2, UUID.class));
                    add(ids, "personIds", rs.getObject(3, UUID.class));
                    add(ids, "opportunityIds", rs.getObject(4, UUID.class));
                }
            }
        }
        List<CrmRecord> out = new ArrayList<>();
        for (CrmRecord r : records) {
            Map<String, Object> fields = new LinkedHashMap<>(r.fields());
            fields.put("targets", byOwner.get(r.id()));
            out.add(new CrmRecord(r.kind(), r.id(), r.version(), fields));
        }
        return out;
    }

    CrmRecord attach(Connection c, CrmRecord r) throws SQLException {
        return attachAll(c, List.of(r)).get(0);
    }

    private static void add(Map<String, List<String>> ids, String key, UUID id) {
        if (id != null) {
            ids.get(key).add(id.toString());
        }
    }
}
