package com.makcrm.core.csv;

import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.CsvMessages;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordColumns;
import com.makcrm.core.value.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The set-based half of an import: the staging table of validated rows is checked against the database
 * (duplicates inside the file and against live records, references, pipeline stages), then applied with one
 * INSERT and one UPDATE, and described in the timeline. Column names come from our model, never from the file.
 */
final class StagedImport {

    record Outcome(long created, long updated, long skipped, long failed) {}

    private static final String STAGING = "crm_import_rows";
    /** The messages of the row errors found here, by id (the staging table's {@code error_id}). */
    private static final Map<String, Message> ROW_MESSAGES = Stream.of(
                    CsvMessages.DUPLICATE_IN_FILE,
                    CsvMessages.NO_SUCH_REFERENCE,
                    CsvMessages.NOT_A_STAGE,
                    CsvMessages.ALREADY_EXISTS)
            .collect(Collectors.toMap(Message::id, m -> m));

    private final Connection c;
    private final ObjectKind kind;
    private final String actor;
    private final String table;
    private final List<String> columns;
    private final Map<String, String> paths;

    StagedImport(Connection c, ObjectKind kind, String actor) {
        this.c = c;
        this.kind = kind;
        this.actor = actor;
        this.table = kind.table();
        this.columns = RecordColumns.columns(kind);
        this.paths = RecordColumns.pathsByColumn(kind);
    }

    void createStaging() throws SQLException {
        exec("create temp table " + STAGING + " on commit drop as select 0::bigint as line, id, "
                + String.join(", ", columns) + custom(", custom") + " from " + table + " with no data");
        exec("alter table " + STAGING + " add column event_id uuid, add column diff jsonb, add column existing_id"
                + " uuid, add column error_field text, add column error text, add column error_id text, add column"
                + " error_args jsonb");
    }

    String copySql(List<String> cols) {
        return "copy " + STAGING + " (line, id, " + String.join(", ", cols) + custom(", custom")
                + ", event_id, diff) from stdin with (format csv)";
    }

    /** @param filePaths the field paths the file's columns feed: an update writes only those */
    Outcome apply(DedupePolicy policy, List<String> filePaths) throws SQLException {
        exec("create index on " + STAGING + " (line)");
        exec("analyze " + STAGING);
        markDuplicatesInFile();
        markBadReferences();
        if (kind == ObjectKind.OPPORTUNITY) {
            resolveStages();
        }
        long matched = matchExisting();
        long skipped = 0;
        if (matched > 0 && policy == DedupePolicy.FAIL) {
            fail(
                    "existing_id is not null and error is null",
                    dedupeField(),
                    "'a " + kind.apiName() + " with this " + dedupeField() + " already exists: ' || existing_id",
                    CsvMessages.ALREADY_EXISTS,
                    "'object', '" + kind.apiName() + "', 'key', '" + dedupeField() + "', 'id', existing_id::text");
        } else if (policy == DedupePolicy.SKIP) {
            skipped = count("existing_id is not null and error is null");
        }
        long created = insertNew();
        long updated = policy == DedupePolicy.UPDATE ? updateExisting(filePaths) : 0;
        return new Outcome(created, updated, skipped, count("error is not null"));
    }

    List<RowError> errors(int limit) throws SQLException {
        List<RowError> out = new ArrayList<>();
        String sql = "select line, error_field, error, error_id, error_args::text from " + STAGING
                + " where error is not null order by line limit ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rowError(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /**
     * A row error: the English text as the database wrote it, and the same text in translatable form (the message
     * and arguments noted with it).
     */
    private static RowError rowError(long line, String field, String error, String messageId, String args) {
        Message message = messageId == null ? null : ROW_MESSAGES.get(messageId);
        String english = "line " + line + ": " + error;
        if (message == null || args == null) {
            return new RowError(line, field, english);
        }
        FieldError problem = new FieldError(field, error, message, Json.readObject(args));
        return new RowError(line, field, english, List.of(problem));
    }

    private String dedupeField() {
        return kind == ObjectKind.COMPANY ? "domain" : "emails.primary";
    }

    private String dedupeColumn() {
        return kind == ObjectKind.COMPANY ? "domain" : kind == ObjectKind.PERSON ? "primary_email" : null;
    }

    private void markDuplicatesInFile() throws SQLException {
        String key = dedupeColumn();
        if (key == null) {
            return;
        }
        exec("update " + STAGING + " s set error_field = '" + dedupeField() + "', error = 'duplicate of line '"
                + " || f.first || ' in this file', error_id = '" + CsvMessages.DUPLICATE_IN_FILE.id()
                + "', error_args ="
                + " jsonb_build_object('first', f.first::text) from (select " + key + ", min(line) as first from "
                + STAGING
                + " where " + key + " is not null group by " + key + " having count(*) > 1) f where s." + key
                + " = f." + key + " and s.line <> f.first and s.error is null");
    }

    private void markBadReferences() throws SQLException {
        for (Map.Entry<String, String> ref : references().entrySet()) {
            String column = ref.getKey();
            fail(
                    column + " is not null and error is null and not exists (select 1 from " + ref.getValue()
                            + " r where r.id = " + STAGING + "." + column + " and r.deleted_at is null)",
                    paths.get(column),
                    "'no " + ref.getValue() + " with id ' || " + column,
                    CsvMessages.NO_SUCH_REFERENCE,
                    "'object', '" + ref.getValue() + "', 'id', " + column + "::text");
        }
    }

    private Map<String, String> references() {
        return switch (kind) {
            case PERSON -> Map.of("company_id", "company");
            case OPPORTUNITY -> Map.of("company_id", "company", "point_of_contact_id", "person");
            default -> Map.of();
        };
    }

    /** Opportunities without pipeline or stage get the default pipeline's first stage and its probability. */
    private void resolveStages() throws SQLException {
        exec("update " + STAGING + " set pipeline_id = (select id from pipeline order by is_default desc, position"
                + " limit 1) where pipeline_id is null");
        exec("update " + STAGING + " s set stage = (select key from pipeline_stage st where st.pipeline_id ="
                + " s.pipeline_id order by position limit 1) where stage is null");
        fail(
                "error is null and not exists (select 1 from pipeline_stage st where st.pipeline_id = " + STAGING
                        + ".pipeline_id and st.key = " + STAGING + ".stage)",
                "stage",
                "'''' || coalesce(stage, '') || ''' is not a stage of pipeline ' || pipeline_id",
                CsvMessages.NOT_A_STAGE,
                "'stage', coalesce(stage, ''), 'pipeline', pipeline_id::text");
        exec("update " + STAGING + " s set probability = st.probability from pipeline_stage st where"
                + " st.pipeline_id = s.pipeline_id and st.key = s.stage and s.probability is null");
    }

    private long matchExisting() throws SQLException {
        if (kind == ObjectKind.COMPANY) {
            return update("update " + STAGING + " s set existing_id = t.id from company t where t.domain = s.domain"
                    + " and t.deleted_at is null and s.error is null");
        }
        if (kind == ObjectKind.PERSON) {
            return update("update " + STAGING + " s set existing_id = t.id from person t where t.deleted_at is null"
                    + " and s.error is null and s.primary_email is not null and (t.primary_email = s.primary_email"
                    + " or t.additional_emails @> array[s.primary_email])");
        }
        return 0;
    }

    private long insertNew() throws SQLException {
        Map<String, String> defaults = notNullDefaults();
        String cols = String.join(", ", columns) + custom(", custom");
        String values = columns.stream()
                        .map(col ->
                                defaults.containsKey(col) ? "coalesce(" + col + ", " + defaults.get(col) + ")" : col)
                        .collect(Collectors.joining(", "))
                + custom(", custom");
        long created = update(
                "insert into " + table + " (id, " + cols + ", created_by, updated_by) select id, " + values
                        + ", ?, ? from " + STAGING + " where error is null and existing_id is null order by line",
                actor,
                actor);
        update(
                // the diff and a time-ordered event id come with each row, built while streaming
                "insert into timeline_event (id, actor, object, record_id, action, diff) select event_id, ?, ?, id,"
                        + " 'CREATED', diff from " + STAGING + " where error is null and existing_id is null",
                actor,
                kind.apiName());
        return created;
    }

    /** Defaults of NOT NULL columns, from the catalog: a cell left empty takes the column's default. */
    private Map<String, String> notNullDefaults() throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        String sql = "select column_name, column_default from information_schema.columns where table_schema ="
                + " current_schema() and table_name = ? and is_nullable = 'NO' and column_default is not null";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Updates the columns the rows carry onto the matched records, recording before/after in the timeline. */
    private long updateExisting(List<String> filePaths) throws SQLException {
        List<String> fileColumns = RecordColumns.columnsFor(kind, filePaths);
        String[] customNames = filePaths.stream()
                .filter(p -> p.startsWith("custom."))
                .map(p -> p.substring("custom.".length()))
                .toArray(String[]::new);
        String where = " where error is null and existing_id is not null";
        exec("create temp table crm_import_before on commit drop as select t.* from " + table + " t join " + STAGING
                + " s on s.existing_id = t.id"
                + where.replace("where", "and").replace("error", "s.error").replace("existing_id", "s.existing_id"));
        String set = fileColumns.stream().map(col -> col + " = s." + col + ", ").collect(Collectors.joining());
        String customSet = kind.hasCustomFields()
                ? "custom = t.custom || coalesce((select jsonb_object_agg(k, v) from jsonb_each(s.custom) as e(k, v)"
                        + " where k = any(?)), '{}'), "
                : "";
        List<Object> args = new ArrayList<>();
        if (kind.hasCustomFields()) {
            args.add(c.createArrayOf("text", customNames));
        }
        args.add(actor);
        long updated = update(
                "update " + table + " t set " + set + customSet
                        + "version = t.version + 1, updated_at = clock_timestamp(), updated_by = ? from " + STAGING
                        + " s"
                        + where.replace("where", "where t.id = s.existing_id and"),
                args.toArray());
        update(
                "insert into timeline_event (id, actor, object, record_id, action, diff) select"
                        + " gen_random_uuid(), ?, ?, t.id, 'UPDATED', " + updatedDiff("b", "t") + " from " + table
                        + " t join"
                        + " crm_import_before b on b.id = t.id",
                actor,
                kind.apiName());
        return updated;
    }

    private String updatedDiff(String before, String after) {
        String rows = columns.stream()
                .map(col -> "('" + paths.get(col) + "', to_jsonb(" + before + "." + col + "), to_jsonb(" + after + "."
                        + col + "))")
                .collect(Collectors.joining(", "));
        return "coalesce((select jsonb_object_agg(k, jsonb_build_object('before', b, 'after', a)) from (values " + rows
                + ") as d(k, b, a) where b is distinct from a), '{}')";
    }

    /**
     * Marks the rows matching {@code condition} as failed: {@code messageSql} computes the English text, which is
     * {@code message} with the arguments {@code argsSql} lists for {@code jsonb_build_object} (name, value, ...).
     */
    private void fail(String condition, String field, String messageSql, Message message, String argsSql)
            throws SQLException {
        update(
                "update " + STAGING + " set error_field = ?, error = " + messageSql + ", error_id = ?, error_args ="
                        + " jsonb_build_object(" + argsSql + ") where " + condition,
                field,
                message.id());
    }

    private long count(String condition) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + STAGING + " where " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String custom(String sql) {
        return kind.hasCustomFields() ? sql : "";
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeLargeUpdate();
        }
    }
}
