package com.makcrm.core.record;

import com.makcrm.core.db.Sql;
import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.field.CustomValues;
import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.field.FieldDefinitionCache;
import com.makcrm.core.field.FieldDefinitionService;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.RecordMessages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.query.CompiledPage;
import com.makcrm.core.query.CompiledQuery;
import com.makcrm.core.query.Page;
import com.makcrm.core.query.PageRequest;
import com.makcrm.core.query.QueryCompiler;
import com.makcrm.core.query.QueryObject;
import com.makcrm.core.query.QueryParts;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.timeline.Timeline;
import com.makcrm.core.timeline.TimelineEvent.Action;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Create, read, update, delete, restore and destroy of CRM records, one tenant schema at a time. Every change is
 * validated against the built-in model and the tenant's custom fields, checked against the record's version, and
 * recorded in the timeline in the same transaction.
 */
public final class RecordService {

    public static final int MAX_BULK = 1000;
    private static final int STREAM_FETCH_SIZE = 2000;

    private final TenantTransactions tx;
    private final FieldDefinitionCache definitions;

    public RecordService(TenantTransactions tx) {
        this(tx, new FieldDefinitionCache());
    }

    /** @param definitions custom field definitions for reads; share it with the {@code FieldDefinitionService} */
    public RecordService(TenantTransactions tx, FieldDefinitionCache definitions) {
        this.tx = tx;
        this.definitions = definitions;
    }

    /** A session for reads: custom field definitions may come from the cache. */
    private Session reading(Connection c, TenantScope scope, ObjectKind kind) throws SQLException {
        return new Session(c, scope, kind, definitions.forReads(c, scope.schema()));
    }

    /** API names custom fields may not take, per object. */
    public static Map<String, Set<String>> builtInFieldNames() {
        return ObjectModel.reservedNames();
    }

    /** The outcome of a create: the record, and false when an upsert updated an existing duplicate instead. */
    public record Created(CrmRecord record, boolean created) {}

    /** One item of a bulk update. */
    public record Change(UUID id, int expectedVersion, Map<String, Object> patch) {}

    public Created create(TenantScope scope, ObjectKind kind, Map<String, Object> input, WriteOptions options) {
        return write(scope, c -> new Session(c, scope, kind).create(input, options));
    }

    public List<Created> bulkCreate(
            TenantScope scope, ObjectKind kind, List<Map<String, Object>> inputs, WriteOptions options) {
        checkBulk(inputs.size());
        return write(scope, c -> {
            Session s = new Session(c, scope, kind);
            List<Created> out = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Map<String, Object> input = inputs.get(i);
                out.add(s.inBulk("records", i, () -> s.create(input, options)));
            }
            return out;
        });
    }

    /**
     * One page of records matching a query-language filter and order, with keyset pagination: page N costs what
     * page 1 costs. Soft-deleted records are left out unless {@code request.includeDeleted()}.
     */
    public Page<CrmRecord> list(TenantScope scope, ObjectKind kind, PageRequest request) {
        return tx.read(scope.schema(), c -> {
            Session s = reading(c, scope, kind);
            CompiledPage page = new QueryCompiler(s.queryObject()).page(request);
            Page<CrmRecord> result = page.fetch(c, row -> s.rows.read(row, s.custom));
            return new Page<>(s.attachTargets(result.items()), result.nextCursor(), result.hasNextPage());
        });
    }

    /** Receives streamed records; may throw to stop the stream. */
    @FunctionalInterface
    public interface Sink {
        void accept(CrmRecord record) throws java.io.IOException;
    }

    /**
     * Streams every record matching a filter and order, without a row limit, through a server-side cursor: memory
     * stays constant however many records match. Tasks and notes are streamed without their links.
     *
     * @return how many records were streamed
     */
    public long stream(
            TenantScope scope, ObjectKind kind, String filter, String order, boolean includeDeleted, Sink sink) {
        return tx.read(scope.schema(), c -> {
            Session s = reading(c, scope, kind);
            QueryParts parts = new QueryCompiler(s.queryObject()).parts(filter, order, includeDeleted);
            CompiledQuery query = parts.select(RecordQueries.alias(kind) + ".*");
            long n = 0;
            try (PreparedStatement ps = query.prepare(c)) {
                ps.setFetchSize(STREAM_FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(s.rows.read(rs, s.custom));
                        n++;
                    }
                }
            } catch (java.io.IOException e) {
                throw new CrmException(
                        com.makcrm.core.error.ErrorCategory.UNAVAILABLE,
                        "writing the export failed after " + n + " records: " + e.getMessage(),
                        e);
            }
            return n;
        });
    }

    /** The query-language view of an object for this tenant (built-in, custom and related fields). */
    public QueryObject queryObject(TenantScope scope, ObjectKind kind) {
        return tx.read(scope.schema(), c -> reading(c, scope, kind).queryObject());
    }

    public CrmRecord get(TenantScope scope, ObjectKind kind, UUID id) {
        return tx.read(scope.schema(), c -> reading(c, scope, kind).require(id, false));
    }

    public CrmRecord update(
            TenantScope scope, ObjectKind kind, UUID id, int expectedVersion, Map<String, Object> patch) {
        return write(scope, c -> new Session(c, scope, kind).update(id, expectedVersion, patch));
    }

    public List<CrmRecord> bulkUpdate(TenantScope scope, ObjectKind kind, List<Change> changes) {
        checkBulk(changes.size());
        return write(scope, c -> {
            Session s = new Session(c, scope, kind);
            List<CrmRecord> out = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                Change ch = changes.get(i);
                out.add(s.inBulk("changes", i, () -> s.update(ch.id(), ch.expectedVersion(), ch.patch())));
            }
            return out;
        });
    }

    /** Soft delete: the record disappears from lists and search but can be restored. */
    public CrmRecord delete(TenantScope scope, ObjectKind kind, UUID id, Integer expectedVersion) {
        return write(scope, c -> new Session(c, scope, kind).delete(id, expectedVersion));
    }

    public CrmRecord restore(TenantScope scope, ObjectKind kind, UUID id) {
        return write(scope, c -> new Session(c, scope, kind).restore(id));
    }

    /** Permanent removal of a soft-deleted record (and its links); its timeline stays. */
    public void destroy(TenantScope scope, ObjectKind kind, UUID id) {
        write(scope, c -> {
            new Session(c, scope, kind).destroy(id);
            return null;
        });
    }

    private <T> T write(TenantScope scope, TenantTransactions.Work<T> work) {
        return tx.write(scope.schema(), work);
    }

    private static void checkBulk(int size) {
        if (size < 1 || size > MAX_BULK) {
            throw CrmException.invalid(
                    RecordMessages.BULK_SIZE, Map.of("max", String.valueOf(MAX_BULK), "size", String.valueOf(size)));
        }
    }

    /** One transaction's work on one object type. */
    private static final class Session {
        private final Connection c;
        private final TenantScope scope;
        private final ObjectModel model;
        private final RecordRows rows;
        private final CustomValues custom;
        private final Targets targets;
        private final Map<String, List<FieldDefinition>> definitions;

        /** For writes: definitions read afresh in the write's own transaction. */
        Session(Connection c, TenantScope scope, ObjectKind kind) throws SQLException {
            this(c, scope, kind, FieldDefinitionService.listAll(c));
        }

        Session(Connection c, TenantScope scope, ObjectKind kind, Map<String, List<FieldDefinition>> definitions) {
            this.c = c;
            this.scope = scope;
            this.model = ObjectModel.of(kind);
            this.rows = new RecordRows(model);
            this.definitions = definitions;
            this.custom = new CustomValues(definitions.getOrDefault(kind.apiName(), List.of()), scope.phoneRegion());
            this.targets = model.hasTargets() ? new Targets(kind) : null;
        }

        QueryObject queryObject() throws SQLException {
            Map<ObjectKind, List<FieldDefinition>> defs = new java.util.EnumMap<>(ObjectKind.class);
            for (ObjectKind k : List.of(ObjectKind.COMPANY, ObjectKind.PERSON, ObjectKind.OPPORTUNITY)) {
                defs.put(k, definitions.getOrDefault(k.apiName(), List.of()));
            }
            return RecordQueries.object(model.kind(), defs);
        }

        List<CrmRecord> attachTargets(List<CrmRecord> records) throws SQLException {
            return targets == null ? records : targets.attachAll(c, records);
        }

        /** Runs the work for item {@code index} of the request's {@code list}; its error names the item. */
        <T> T inBulk(String list, int index, SqlSupplier<T> work) throws SQLException {
            try {
                return work.get();
            } catch (CrmException e) {
                throw CrmException.inList(
                        list, index, e, RecordMessages.BULK_ITEM, Map.of("index", String.valueOf(index), "problem", e));
            }
        }

        Created create(Map<String, Object> input, WriteOptions options) throws SQLException {
            FieldErrors errors = new FieldErrors();
            rejectUnknown(input, errors);
            Map<String, Object> columns = columns(input, true, errors);
            Map<String, Object> customValues =
                    model.kind().hasCustomFields() ? custom.forCreate(customInput(input, errors), errors) : null;
            Map<ObjectKind, Set<UUID>> links = targets == null ? Map.of() : targets.parse(input.get("targets"), errors);
            errors.throwIfAny();
            Optional<RecordChecks.Duplicate> dup = RecordChecks.duplicate(c, model.kind(), columns, null);
            if (dup.isPresent()) {
                if (options != WriteOptions.UPSERT) {
                    throw new DuplicateRecordException(
                            model.kind(),
                            dup.get().id(),
                            dup.get().field(),
                            dup.get().value());
                }
                CrmRecord existing = require(dup.get().id(), true);
                return new Created(update(existing.id(), existing.version(), input), false);
            }
            checkDatabaseRules(columns, links, null, errors);
            UUID id = UuidV7.next();
            try {
                rows.insert(c, id, columns, customValues, scope.actor());
            } catch (SQLException e) {
                throw translate(e);
            }
            if (targets != null) {
                targets.replace(c, id, links);
            }
            CrmRecord created = require(id, false);
            Timeline.append(
                    c,
                    scope.actor(),
                    model.kind().apiName(),
                    id,
                    Action.CREATED,
                    Timeline.diff(Map.of(), auditable(created)));
            return new Created(created, true);
        }

        CrmRecord update(UUID id, int expectedVersion, Map<String, Object> patch) throws SQLException {
            CrmRecord before = require(id, true);
            if (before.deleted()) {
                throw CrmException.conflict(
                        RecordMessages.DELETED, Map.of("object", model.kind().apiName(), "id", id.toString()));
            }
            if (before.version() != expectedVersion) {
                throw staleVersion(id, before.version(), expectedVersion);
            }
            FieldErrors errors = new FieldErrors();
            rejectUnknown(patch, errors);
            Map<String, Object> columns = columns(patch, false, errors);
            Map<String, Object> customValues = model.kind().hasCustomFields() && patch.containsKey("custom")
                    ? custom.forUpdate(storedCustom(before), customInput(patch, errors), errors)
                    : null;
            Map<ObjectKind, Set<UUID>> links = targets == null || !patch.containsKey("targets")
                    ? null
                    : targets.parse(patch.get("targets"), errors);
            errors.throwIfAny();
            checkDatabaseRules(columns, links == null ? Map.of() : links, before, errors);
            if (model.kind() == ObjectKind.COMPANY || model.kind() == ObjectKind.PERSON) {
                Optional<RecordChecks.Duplicate> dup = RecordChecks.duplicate(c, model.kind(), columns, id);
                if (dup.isPresent()) {
                    throw new DuplicateRecordException(
                            model.kind(),
                            dup.get().id(),
                            dup.get().field(),
                            dup.get().value());
                }
            }
            try {
                rows.update(c, id, expectedVersion, columns, customValues, scope.actor());
            } catch (SQLException e) {
                throw translate(e);
            }
            if (links != null) {
                targets.replace(c, id, links);
            }
            CrmRecord after = require(id, false);
            Map<String, Object> diff = Timeline.diff(auditable(before), auditable(after));
            Timeline.append(c, scope.actor(), model.kind().apiName(), id, Action.UPDATED, diff);
            return after;
        }

        CrmRecord delete(UUID id, Integer expectedVersion) throws SQLException {
            CrmRecord before = require(id, true);
            if (expectedVersion != null && before.version() != expectedVersion) {
                throw staleVersion(id, before.version(), expectedVersion);
            }
            if (before.deleted()) {
                return before; // deleting twice changes nothing
            }
            rows.setDeleted(c, id, true, scope.actor());
            CrmRecord after = require(id, false);
            Timeline.append(c, scope.actor(), model.kind().apiName(), id, Action.DELETED, deletedDiff(before, after));
            return after;
        }

        CrmRecord restore(UUID id) throws SQLException {
            CrmRecord before = require(id, true);
            if (!before.deleted()) {
                return before;
            }
            Map<String, Object> columns = columnsOf(before);
            Optional<RecordChecks.Duplicate> dup = RecordChecks.duplicate(c, model.kind(), columns, id);
            if (dup.isPresent()) {
                throw CrmException.conflict(
                        RecordMessages.RESTORE_DUPLICATE,
                        Map.of(
                                "object",
                                model.kind().apiName(),
                                "id",
                                id.toString(),
                                "existing",
                                String.valueOf(dup.get().id()),
                                "field",
                                String.valueOf(dup.get().field()),
                                "value",
                                String.valueOf(dup.get().value())));
            }
            rows.setDeleted(c, id, false, scope.actor());
            CrmRecord after = require(id, false);
            Timeline.append(c, scope.actor(), model.kind().apiName(), id, Action.RESTORED, deletedDiff(before, after));
            return after;
        }

        void destroy(UUID id) throws SQLException {
            CrmRecord before = require(id, true);
            if (!before.deleted()) {
                throw CrmException.conflict(
                        RecordMessages.NOT_DELETED,
                        Map.of("object", model.kind().apiName(), "id", id.toString()));
            }
            rows.destroy(c, id);
            Timeline.append(
                    c,
                    scope.actor(),
                    model.kind().apiName(),
                    id,
                    Action.DESTROYED,
                    Timeline.diff(auditable(before), Map.of()));
        }

        CrmRecord require(UUID id, boolean lock) throws SQLException {
            return rows.find(c, id, lock, custom, targets)
                    .orElseThrow(() -> CrmException.notFound(model.kind().apiName() + " " + id + " not found")
                            .withMessage(
                                    CoreMessages.RECORD_NOT_FOUND,
                                    Map.of("object", model.kind().apiName(), "id", id.toString())));
        }

        private Map<String, Object> columns(Map<String, Object> input, boolean create, FieldErrors errors) {
            Map<String, Object> columns = new LinkedHashMap<>();
            WriteContext ctx = new WriteContext(scope.phoneRegion());
            for (Attribute a : model.attributes().values()) {
                if (input.containsKey(a.name())) {
                    a.write(input.get(a.name()), columns, errors, ctx);
                } else if (create && a.required()) {
                    errors.add(a.name(), ValidationMessages.REQUIRED, Map.of("field", a.name()));
                }
            }
            return columns;
        }

        private void checkDatabaseRules(
                Map<String, Object> columns, Map<ObjectKind, Set<UUID>> links, CrmRecord before, FieldErrors errors)
                throws SQLException {
            RecordChecks.references(c, model, columns, errors);
            RecordChecks.targets(c, links, errors);
            if (model.kind() == ObjectKind.OPPORTUNITY) {
                UUID pipeline = before == null || before.get("pipelineId") == null
                        ? null
                        : UUID.fromString((String) before.get("pipelineId"));
                String stage = before == null ? null : (String) before.get("stage");
                RecordChecks.stage(c, columns, pipeline, stage, before == null, errors);
            }
            errors.throwIfAny();
        }

        private void rejectUnknown(Map<String, Object> input, FieldErrors errors) {
            for (String key : input.keySet()) {
                boolean known = model.attributes().containsKey(key)
                        || key.equals("custom") && model.kind().hasCustomFields()
                        || key.equals("targets") && targets != null;
                if (!known) {
                    if (ObjectModel.SYSTEM_FIELDS.contains(key)) {
                        errors.add(key, RecordMessages.SYSTEM_FIELD, Map.of("field", key));
                    } else {
                        errors.add(
                                key,
                                RecordMessages.UNKNOWN_FIELD,
                                Map.of("field", key, "object", model.kind().apiName()));
                    }
                }
            }
        }

        private Map<String, Object> customInput(Map<String, Object> input, FieldErrors errors) {
            Object raw = input.get("custom");
            if (raw == null) {
                return Map.of();
            }
            Map<String, Object> values = errors.check("custom", () -> Coerce.object("custom", raw));
            return values == null ? Map.of() : values;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> storedCustom(CrmRecord r) {
            Object value = r.get("custom");
            return value == null ? Map.of() : (Map<String, Object>) value;
        }

        /** Column values of a stored record, as duplicate detection needs them. */
        private Map<String, Object> columnsOf(CrmRecord r) {
            Map<String, Object> columns = new LinkedHashMap<>();
            FieldErrors ignored = new FieldErrors();
            WriteContext ctx = new WriteContext(null);
            for (Attribute a : model.attributes().values()) {
                if (a instanceof ContactsAttribute || a.name().equals("domain")) {
                    a.write(r.get(a.name()), columns, ignored, ctx);
                }
            }
            return columns;
        }

        private CrmException translate(SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return CrmException.conflict(
                        RecordMessages.DUPLICATE_RACE,
                        Map.of(
                                "object",
                                model.kind().apiName(),
                                "field",
                                model.kind() == ObjectKind.COMPANY ? "domain" : "email"));
            }
            if ("23514".equals(e.getSQLState()) || "23503".equals(e.getSQLState())) {
                return CrmException.invalid(
                        RecordMessages.DATA_RULE,
                        Map.of(
                                "object",
                                model.kind().apiName(),
                                "reason",
                                String.valueOf(e.getMessage())
                                        .lines()
                                        .findFirst()
                                        .orElse("")));
            }
            return Sql.translate("writing " + model.kind().apiName(), e, "the configured database");
        }

        private static CrmException staleVersion(UUID id, int current, int expected) {
            return CrmException.conflict(
                    RecordMessages.STALE_VERSION,
                    Map.of(
                            "id",
                            id.toString(),
                            "current",
                            String.valueOf(current),
                            "expected",
                            String.valueOf(expected)));
        }

        private static Map<String, Object> auditable(CrmRecord r) {
            Map<String, Object> flat = r.flattened();
            flat.keySet().removeAll(Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy"));
            return flat;
        }

        private static Map<String, Object> deletedDiff(CrmRecord before, CrmRecord after) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("deletedAt", before.get("deletedAt"));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("deletedAt", after.get("deletedAt"));
            return Timeline.diff(b, a);
        }
    }

    @FunctionalInterface
    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }
}
