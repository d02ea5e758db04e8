package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupFailure.Kind;
import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.storage.DigestingInputStream;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup's table parts into a schema created at the backup's schema version, the way pg_restore does it:
 * constraints and indexes are dropped first and rebuilt after the data is in, user triggers are off while loading,
 * and everything runs in one transaction. Each part is checked as it streams (stored size and SHA-256, then content
 * size and SHA-256, then rows) and a mismatch is a {@link BackupFailure} naming the part. Rebuilding the foreign
 * keys checks the loaded data's references.
 */
final class StagingLoad {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String TABLES = """
            select c.relname from pg_class c
             where c.relnamespace = ?::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
             order by c.relname""";

    // foreign keys first: they depend on the primary and unique keys that are dropped after them
    private static final String CONSTRAINTS = """
            select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype,
                   case when c.contype in ('p', 'u') and not c.condeferrable then pg_get_indexdef(c.conindid) end
              from pg_constraint c join pg_class t on t.oid = c.conrelid
             where c.connamespace = ?::regnamespace and c.contype in ('f', 'p', 'u', 'x') and t.relname <> ?
             order by c.contype <> 'f', c.conname""";

    private static final String INDEXES = """
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), t.relname
              from pg_index i join pg_class t on t.oid = i.indrelid
             where t.relnamespace = ?::regnamespace and t.relname <> ?
               and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
             order by 1""";

    private final DataSource dataSource;
    private final ObjectStorage repository;
    private final PartCodec codec;
    private final BackupManifest manifest;
    private final RestoreListener listener;
    /** The staging schema's tables, read by the first transaction of {@link #load}. */
    private Set<String> tables;

    /**
     * @param type {@code p}rimary, {@code u}nique, {@code f}oreign or e{@code x}clusion
     * @param indexDefinition for a primary or unique key that is not deferrable: its index, which is built first
     *     (with a lock that lets other indexes of the table build at the same time) and then attached
     */
    private record Constraint(String table, String name, String definition, String type, String indexDefinition) {

        boolean foreignKey() {
            return "f".equals(type);
        }

        String add() {
            if (indexDefinition != null) {
                return "alter table " + table + " add constraint " + SchemaSnapshot.quote(name)
                        + ("p".equals(type) ? " primary key" : " unique") + " using index "
                        + SchemaSnapshot.quote(name);
            }
            return "alter table " + table + " add constraint " + SchemaSnapshot.quote(name) + " " + definition;
        }
    }

    private record Index(String name, String definition, String table) {}

    StagingLoad(
            DataSource dataSource,
            ObjectStorage repository,
            PartCodec codec,
            BackupManifest manifest,
            RestoreListener listener) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.codec = codec;
        this.manifest = manifest;
        this.listener = listener;
    }

    /**
     * Loads every part into {@code schema}, which holds the backup's schema version and no data, on up to {@code jobs}
     * connections at once: parts biggest first, then indexes and keys biggest table first, like {@code pg_restore
     * --jobs}. Foreign keys are added one at a time (each locks two tables). The staging schema is invisible to the
     * application, so its half-loaded state is never seen; on failure the caller drops it.
     */
    void load(String schema, int jobs) {
        String doing = "loading backup " + manifest.backupId() + " into schema " + schema;
        List<Constraint> constraints = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        inTransaction(schema, doing, c -> {
            checkTables(c, schema);
            constraints.addAll(constraints(c, schema));
            indexes.addAll(indexes(c, schema));
            dropKeysAndIndexes(c, constraints, indexes);
            setUserTriggers(c, "disable");
            // migrations seed rows (a default pipeline, the history): the backup's rows replace them all
            execute(
                    c,
                    "truncate "
                            + String.join(
                                    ", ",
                                    tables.stream().map(SchemaSnapshot::quote).toList()));
        });
        listener.phase("loading tables");
        long total = manifest.dataBytes();
        AtomicLong loaded = new AtomicLong();
        List<TablePart> parts = new ArrayList<>(manifest.tables());
        parts.sort(Comparator.comparingLong(TablePart::bytes).reversed());
        inParallel(
                jobs,
                parts,
                part -> inTransaction(schema, doing, c -> {
                    long rows = loadPart(c.unwrap(PGConnection.class).getCopyAPI(), schema, part, total, loaded);
                    listener.tableLoaded(part.name(), rows);
                }));
        listener.phase("building indexes and checking references");
        List<String> keysAndIndexes = new ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        manifest.tables().forEach(t -> sizes.put(t.name(), t.bytes()));
        indexes.stream()
                .sorted(Comparator.comparingLong((Index x) -> sizes.getOrDefault(x.table(), 0L))
                        .reversed())
                .forEach(x -> keysAndIndexes.add(x.definition()));
        constraints.stream()
                .filter(k -> !k.foreignKey())
                .forEach(k -> keysAndIndexes.add(k.indexDefinition() != null ? k.indexDefinition() : k.add()));
        inParallel(jobs, keysAndIndexes, sql -> inTransaction(schema, doing, c -> execute(c, sql)));
        inTransaction(schema, doing, c -> {
            for (Constraint k : constraints) { // keys attach their built indexes, then foreign keys check references
                if (!k.foreignKey() && k.indexDefinition() != null) {
                    execute(c, k.add());
                }
            }
            for (Constraint k : constraints) {
                if (k.foreignKey()) {
                    execute(c, k.add());
                }
            }
            setUserTriggers(c, "enable");
        });
        // the restored tables only: a bare ANALYZE would go through every schema of the database
        inParallel(
                jobs,
                List.copyOf(tables),
                table -> inTransaction(schema, doing, c -> execute(c, "analyze " + SchemaSnapshot.quote(table))));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** One transaction on its own connection, with the schema as search path. */
    private void inTransaction(String schema, String doing, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                prepare(c, schema);
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Sql.translate(doing, e, "the database");
        }
    }

    /** Runs {@code step} for every item on up to {@code jobs} threads; the first failure stops the rest. */
    private static <T> void inParallel(int jobs, List<T> items, java.util.function.Consumer<T> step) {
        if (jobs <= 1 || items.size() <= 1) {
            items.forEach(step);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> step.accept(item)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.unavailable(BackupMessages.RESTORE_INTERRUPTED, Map.of(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void prepare(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', ?, true)")) {
            ps.setString(1, SchemaSnapshot.quote(schema));
            ps.execute();
        }
        execute(c, "set local synchronous_commit = off");
        execute(c, "set local maintenance_work_mem = '256MB'");
    }

    private void checkTables(Connection c, String schema) throws SQLException {
        tables = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setString(1, SchemaSnapshot.quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Set<String> inBackup = new LinkedHashSet<>();
        manifest.tables().forEach(t -> inBackup.add(t.name()));
        if (!tables.equals(inBackup)) {
            Set<String> missing = new LinkedHashSet<>(inBackup);
            missing.removeAll(tables);
            Set<String> extra = new LinkedHashSet<>(tables);
            extra.removeAll(inBackup);
            throw CrmException.invalid(
                    BackupMessages.SCHEMA_MISMATCH,
                    Map.of(
                            "id", String.valueOf(manifest.backupId()),
                            "version", String.valueOf(manifest.schemaVersion()),
                            "missing", missing.toString(),
                            "extra", extra.toString()));
        }
    }

    private List<Constraint> constraints(Connection c, String schema) throws SQLException {
        List<Constraint> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
            ps.setString(1, SchemaSnapshot.quote(schema));
            ps.setString(2, HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Constraint(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return found;
    }

    private List<Index> indexes(Connection c, String schema) throws SQLException {
        List<Index> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setString(1, SchemaSnapshot.quote(schema));
            ps.setString(2, HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return found;
    }

    private static void dropKeysAndIndexes(Connection c, List<Constraint> constraints, List<Index> indexes)
            throws SQLException {
        for (Constraint k : constraints) {
            execute(c, "alter table " + k.table() + " drop constraint " + SchemaSnapshot.quote(k.name()));
        }
        for (Index index : indexes) {
            execute(c, "drop index " + index.name());
        }
    }

    private void setUserTriggers(Connection c, String how) throws SQLException {
        for (String table : tables) {
            execute(c, "alter table " + SchemaSnapshot.quote(table) + " " + how + " trigger user");
        }
    }

    private long loadPart(CopyManager copy, String schema, TablePart part, long total, AtomicLong loaded)
            throws SQLException {
        String key = RepositoryLayout.tablePart(manifest.backupId(), part.name());
        String sql = "copy " + SchemaSnapshot.quote(schema) + "." + SchemaSnapshot.quote(part.name())
                + " from stdin (format binary)";
        try (StoredObjectStream in = repository.get(key)) {
            DigestingInputStream stored = new DigestingInputStream(in);
            InputStream unclosable = new FilterInputStream(stored) {
                @Override
                public void close() {
                    // the rest of the part is drained below
                }
            };
            long[] reported = {0};
            ProgressInputStream decoded = new ProgressInputStream(codec.decode(unclosable, key), 0, bytes -> {
                long all = loaded.addAndGet(bytes - reported[0]);
                reported[0] = bytes;
                listener.bytesLoaded(part.name(), all, total);
            });
            DigestingInputStream data = new DigestingInputStream(decoded);
            long rows;
            try {
                rows = copy.copyIn(sql, data);
            } catch (SQLException e) {
                if (decoded.failure() != null) {
                    throw damaged(
                            part,
                            key,
                            Map.of(
                                    "problem",
                                    "decode",
                                    "reason",
                                    String.valueOf(decoded.failure().getMessage())),
                            decoded.failure());
                }
                // damage can decode into rows PostgreSQL refuses: then the stored part's checksum tells
                stored.drain();
                if (!part.sha256().equals(stored.sha256Hex())) {
                    throw damaged(
                            part,
                            key,
                            Map.of("problem", "checksum", "reason", String.valueOf(Sql.firstLine(e.getMessage()))),
                            e);
                }
                throw e;
            }
            stored.drain();
            expect(part, key, "size", part.compressedBytes(), stored.count());
            expect(part, key, "sha256", part.sha256(), stored.sha256Hex());
            expect(part, key, "uncompressedSize", part.bytes(), data.count());
            expect(part, key, "uncompressedSha256", part.dataSha256(), data.sha256Hex());
            expect(part, key, "rows", part.rows(), rows);
            return rows;
        } catch (IOException e) {
            throw damaged(part, key, Map.of("problem", "unreadable", "reason", String.valueOf(e.getMessage())), e);
        } catch (CrmException e) {
            if (e.category() == com.makcrm.core.error.ErrorCategory.NOT_FOUND) {
                throw damaged(part, key, Map.of("problem", "missing"), e);
            }
            throw e;
        }
    }

    /** @param what the value checked, a keyword of {@link BackupMessages#TABLE_PART_DAMAGED} */
    private void expect(TablePart part, String key, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw damaged(
                    part,
                    key,
                    Map.of(
                            "problem",
                            "mismatch",
                            "what",
                            what,
                            "actual",
                            String.valueOf(actual),
                            "expected",
                            String.valueOf(expected)),
                    null);
        }
    }

    /** @param problem the {@code problem} of {@link BackupMessages#TABLE_PART_DAMAGED} and its own arguments */
    private BackupFailure damaged(TablePart part, String key, Map<String, String> problem, Throwable cause) {
        Map<String, Object> args = new LinkedHashMap<>(problem);
        args.put("id", String.valueOf(manifest.backupId()));
        args.put("table", part.name());
        args.put("key", key);
        return new BackupFailure(Kind.DAMAGED, BackupMessages.TABLE_PART_DAMAGED, args, cause);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
