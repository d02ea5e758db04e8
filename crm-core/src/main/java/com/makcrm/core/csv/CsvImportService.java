package com.makcrm.core.csv;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.field.CustomValues;
import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.field.FieldDefinitionService;
import com.makcrm.core.i18n.CsvMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordColumns;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.value.FieldErrors;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streaming CSV import. Rows are parsed and validated in Java by the same rules as single writes, streamed with
 * COPY into a temporary staging table, then deduplicated, checked and applied set-based in one transaction, with a
 * timeline event per created or updated record. Memory stays flat however long the file is.
 */
public final class CsvImportService {

    public static final int MAX_REPORTED_ERRORS = 1000;
    /** Longest accepted cell, in characters. */
    public static final int MAX_FIELD = 100_000;

    private final TenantTransactions tx;

    public CsvImportService(TenantTransactions tx) {
        this.tx = tx;
    }

    public ImportReport importCsv(TenantScope scope, ObjectKind kind, InputStream csv, ImportOptions options) {
        long start = System.nanoTime();
        try {
            ImportReport report = tx.write(scope.schema(), c -> run(c, scope, kind, csv, options, start));
            return report;
        } catch (AtomicRollback rollback) {
            return rollback.report;
        }
    }

    private ImportReport run(
            Connection c, TenantScope scope, ObjectKind kind, InputStream csv, ImportOptions options, long start)
            throws SQLException {
        List<FieldDefinition> defs =
                kind.hasCustomFields() ? FieldDefinitionService.list(c, kind.apiName()) : List.of();
        CustomValues custom = new CustomValues(defs, scope.phoneRegion());
        Errors errors = new Errors();
        StagedImport staged = new StagedImport(c, kind, scope.actor());
        staged.createStaging();
        List<String> filePaths = new ArrayList<>();
        long rows = stream(c, kind, csv, options, defs, custom, scope.phoneRegion(), errors, staged, filePaths);
        StagedImport.Outcome outcome = staged.apply(options.dedupe(), filePaths);
        errors.addAll(staged.errors(MAX_REPORTED_ERRORS), outcome.failed());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (options.atomic() && errors.count > 0) {
            throw new AtomicRollback(new ImportReport(rows, 0, 0, 0, errors.count, true, errors.sorted(), took));
        }
        return new ImportReport(
                rows,
                outcome.created(),
                outcome.updated(),
                outcome.skipped(),
                errors.count,
                false,
                errors.sorted(),
                took);
    }

    private long stream(
            Connection c,
            ObjectKind kind,
            InputStream csv,
            ImportOptions options,
            List<FieldDefinition> defs,
            CustomValues custom,
            String region,
            Errors errors,
            StagedImport staged,
            List<String> filePaths)
            throws SQLException {
        List<String> columns = RecordColumns.columns(kind);
        PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), staged.copySql(columns));
        long rows = 0;
        long line = 1;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                CsvReader<CsvRecord> reader = reader(csv)) {
            CopyRows out = new CopyRows(w);
            Iterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                throw CrmException.invalid(CsvMessages.FILE_EMPTY, Map.of());
            }
            List<String> paths = HeaderMapping.resolve(it.next().getFields(), RecordColumns.paths(kind, defs), options);
            paths.stream().filter(java.util.Objects::nonNull).forEach(filePaths::add);
            while (it.hasNext()) {
                CsvRecord record = it.next();
                line = record.getStartingLineNumber();
                rows++;
                Map<String, Object> input = row(kind, record, paths, line, errors);
                if (input == null) {
                    continue;
                }
                FieldErrors fieldErrors = new FieldErrors();
                RecordColumns.Normalized n = RecordColumns.normalize(kind, input, custom, region, fieldErrors);
                if (!fieldErrors.isEmpty()) {
                    errors.add(line, fieldErrors);
                    continue;
                }
                out.row(values(kind, line, columns, paths(kind), n));
            }
        } catch (CsvParseException e) {
            throw CrmException.invalid(
                    CsvMessages.MALFORMED,
                    Map.of("line", String.valueOf(line + 1), "reason", String.valueOf(e.getMessage())));
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause(), line);
        } catch (IOException e) {
            throw malformed(e, line);
        }
        return rows;
    }

    private static CrmException malformed(IOException e, long line) {
        if (e instanceof CharacterCodingException) {
            return CrmException.invalid(CsvMessages.NOT_UTF8, Map.of("line", String.valueOf(line + 1)));
        }
        if (e.getCause() instanceof SQLException sql) {
            return new CrmException(ErrorCategory.INTERNAL, "staging the import failed: " + sql.getMessage(), sql);
        }
        return CrmException.invalid(
                CsvMessages.READ_FAILED,
                Map.of("line", String.valueOf(line + 1), "reason", String.valueOf(e.getMessage())));
    }

    private static CsvReader<CsvRecord> reader(InputStream csv) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return CsvReader.builder()
                .detectBomHeader(false)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .maxBufferSize(MAX_FIELD * 4)
                .ofCsvRecord(new InputStreamReader(skipBom(csv), decoder));
    }

    private static InputStream skipBom(InputStream in) {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        try {
            byte[] head = p.readNBytes(3);
            boolean bom = head.length == 3
                    && (head[0] & 0xff) == 0xEF
                    && (head[1] & 0xff) == 0xBB
                    && (head[2] & 0xff) == 0xBF;
            if (!bom) {
                p.unread(head);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row as flat path → cell, or null (with an error recorded) when its shape is wrong. */
    private static Map<String, Object> row(
            ObjectKind kind, CsvRecord record, List<String> paths, long line, Errors errors) {
        if (record.getFieldCount() != paths.size()) {
            errors.add(RowError.of(
                    line,
                    List.of(FieldError.of(
                            null,
                            CsvMessages.ROW_FIELD_COUNT,
                            Map.of(
                                    "count",
                                    String.valueOf(record.getFieldCount()),
                                    "header",
                                    String.valueOf(paths.size()))))));
            return null;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String cell = record.getField(i);
            if (paths.get(i) == null) {
                continue;
            }
            if (cell.length() > MAX_FIELD) {
                errors.add(RowError.of(
                        line,
                        List.of(FieldError.of(
                                paths.get(i),
                                CsvMessages.CELL_TOO_LONG,
                                Map.of("field", paths.get(i), "max", String.valueOf(MAX_FIELD))))));
                return null;
            }
            flat.put(paths.get(i), cell);
        }
        return RecordColumns.input(kind, flat);
    }

    private static Map<String, String> paths(ObjectKind kind) {
        return PATHS.computeIfAbsent(kind, RecordColumns::pathsByColumn);
    }

    private static final Map<ObjectKind, Map<String, String>> PATHS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Object> values(
            ObjectKind kind, long line, List<String> columns, Map<String, String> paths, RecordColumns.Normalized n) {
        List<Object> values = new ArrayList<>(columns.size() + 5);
        values.add(line);
        values.add(UuidV7.next());
        for (String column : columns) {
            values.add(n.columns().get(column));
        }
        if (kind.hasCustomFields()) {
            values.add(n.custom());
        }
        values.add(UuidV7.next());
        values.add(createdDiff(columns, paths, n));
        return values;
    }

    /** The CREATED timeline diff of a row: {"path": {"before": null, "after": value}} for each value it sets. */
    private static Map<String, Object> createdDiff(
            List<String> columns, Map<String, String> paths, RecordColumns.Normalized n) {
        Map<String, Object> diff = new LinkedHashMap<>();
        for (String column : columns) {
            Object value = jsonValue(n.columns().get(column));
            if (value != null) {
                diff.put(paths.get(column), change(value));
            }
        }
        if (n.custom() != null) {
            n.custom().forEach((k, v) -> diff.put("custom." + k, change(v)));
        }
        return diff;
    }

    private static Map<String, Object> change(Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", null);
        change.put("after", after);
        return change;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof String[] array) {
            return array.length == 0 ? null : List.of(array);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.util.UUID || value instanceof java.time.LocalDate) {
            return value.toString();
        }
        return value;
    }

    /** Row errors, of which the first {@value #MAX_REPORTED_ERRORS} are kept. */
    private static final class Errors {
        private final List<RowError> kept = new ArrayList<>();
        private long count;

        void add(RowError error) {
            count++;
            if (kept.size() < MAX_REPORTED_ERRORS) {
                kept.add(error);
            }
        }

        void add(long line, FieldErrors fieldErrors) {
            try {
                fieldErrors.throwIfAny();
            } catch (CrmException e) {
                add(RowError.of(line, e.fieldErrors()));
            }
        }

        void addAll(List<RowError> errors, long total) {
            count += total;
            for (RowError e : errors) {
                if (kept.size() < MAX_REPORTED_ERRORS) {
                    kept.add(e);
                }
            }
        }

        List<RowError> sorted() {
            List<RowError> out = new ArrayList<>(kept);
            out.sort(java.util.Comparator.comparingLong(RowError::line));
            return out;
        }
    }

    /** Unwinds the transaction of an atomic import that had invalid rows, carrying the report out. */
    private static final class AtomicRollback extends RuntimeException {
        private final transient ImportReport report;

        AtomicRollback(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
