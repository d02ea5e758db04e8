package com.makcrm.core.record;

import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.value.FieldErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks that need the database: references point at live records, opportunity stages belong to their pipeline,
 * and creates do not duplicate a person's email or a company's domain.
 */
final class RecordChecks {

    private RecordChecks() {}

    static void references(Connection c, ObjectModel model, Map<String, Object> columns, FieldErrors errors)
            throws SQLException {
        for (Attribute a : model.attributes().values()) {
            if (a.references() != null && a instanceof ScalarAttribute s && columns.get(s.column()) != null) {
                UUID id = (UUID) columns.get(s.column());
                if (!exists(c, a.references(), id)) {
                    errors.add(
                            a.name(),
                            RecordMessages.REFERENCE_NOT_FOUND,
                            Map.of("field", a.name(), "object", a.references().apiName(), "id", id.toString()));
                }
            }
        }
    }

    static void targets(Connection c, Map<ObjectKind, Set<UUID>> links, FieldErrors errors) throws SQLException {
        for (Map.Entry<ObjectKind, Set<UUID>> e : links.entrySet()) {
            for (UUID id : e.getValue()) {
                if (!exists(c, e.getKey(), id)) {
                    errors.add(
                            "targets",
                            RecordMessages.REFERENCE_NOT_FOUND,
                            Map.of("field", "targets", "object", e.getKey().apiName(), "id", id.toString()));
                }
            }
        }
    }

    static boolean exists(Connection c, ObjectKind kind, UUID id) throws SQLException {
        String sql = "select 1 from " + kind.table() + " where id = ? and deleted_at is null";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Fills in and validates pipeline, stage and probability of an opportunity. {@code current} holds the stored
     * pipeline and stage on update (null on create).
     */
    static void stage(
            Connection c,
            Map<String, Object> columns,
            UUID currentPipeline,
            String currentStage,
            boolean create,
            FieldErrors errors)
            throws SQLException {
        boolean touched = create || columns.containsKey("pipeline_id") || columns.containsKey("stage");
        if (!touched) {
            return;
        }
        UUID pipeline = columns.containsKey("pipeline_id") ? (UUID) columns.get("pipeline_id") : currentPipeline;
        if (pipeline == null) {
            pipeline = defaultPipeline(c);
        }
        List<Stage> stages = stages(c, pipeline);
        if (stages.isEmpty()) {
            errors.add(
                    "pipelineId",
                    RecordMessages.PIPELINE_NOT_FOUND,
                    Map.of("field", "pipelineId", "id", pipeline.toString()));
            return;
        }
        String stage = columns.containsKey("stage") ? (String) columns.get("stage") : currentStage;
        Optional<Stage> chosen = stage == null
                ? Optional.of(stages.get(0))
                : stages.stream().filter(s -> s.key().equals(stage)).findFirst();
        if (chosen.isEmpty()) {
            errors.add(
                    "stage",
                    RecordMessages.STAGE_UNKNOWN,
                    Map.of(
                            "field",
                            "stage",
                            "value",
                            stage,
                            "stages",
                            stages.stream().map(Stage::key).toList().toString()));
            return;
        }
        columns.put("pipeline_id", pipeline);
        columns.put("stage", chosen.get().key());
        if (create && columns.get("probability") == null
                || !create && columns.containsKey("stage") && !columns.containsKey("probability")) {
            columns.put("probability", chosen.get().probability());
        }
    }

    private record Stage(String key, int probability) {}

    private static UUID defaultPipeline(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("select id from pipeline order by is_default desc, position" + " limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    private static List<Stage> stages(Connection c, UUID pipeline) throws SQLException {
        List<Stage> out = new ArrayList<>();
        if (pipeline == null) {
            return out;
        }
        String sql = "select key, probability from pipeline_stage where pipeline_id = ? order by position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stage(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return out;
    }

    /** The live record that a new one would duplicate, if any: person by any email, company by domain. */
    static Optional<Duplicate> duplicate(Connection c, ObjectKind kind, Map<String, Object> columns, UUID exceptId)
            throws SQLException {
        if (kind == ObjectKind.COMPANY && columns.get("domain") != null) {
            String domain = (String) columns.get("domain");
            return first(
                            c,
                            "select id from company where domain = ? and deleted_at is null and id <> ?",
                            domain,
                            exceptId)
                    .map(id -> new Duplicate(id, "domain", domain));
        }
        if (kind == ObjectKind.PERSON) {
            List<String> emails = ContactsAttribute.all(columns, "primary_email", "additional_emails");
            if (!emails.isEmpty()) {
                String[] all = emails.toArray(String[]::new);
                String sql = "select id, primary_email, additional_emails from person where deleted_at is null"
                        + " and id <> ? and (primary_email = any(?) or additional_emails && ?) limit 1";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, exceptId == null ? new UUID(0, 0) : exceptId);
                    ps.setArray(2, c.createArrayOf("text", all));
                    ps.setArray(3, c.createArrayOf("text", all));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(
                                    new Duplicate(rs.getObject(1, UUID.class), "emails", matching(emails, rs)));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    record Duplicate(UUID id, String field, String value) {}

    private static String matching(List<String> emails, ResultSet rs) throws SQLException {
        List<String> stored = new ArrayList<>();
        stored.add(rs.getString(2));
        stored.addAll(List.of((String[]) rs.getArray(3).getArray()));
        return emails.stream().filter(stored::contains).findFirst().orElse(emails.get(0));
    }

    private static Optional<UUID> first(Connection c, String sql, String value, UUID exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setObject(2, exceptId == null ? new UUID(0, 0) : exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
