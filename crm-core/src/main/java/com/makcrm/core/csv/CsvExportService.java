package com.makcrm.core.csv;

import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.field.FieldDefinitionService;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.RecordColumns;
import com.makcrm.core.record.RecordService;
import com.makcrm.core.tenant.TenantScope;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Streams any query result (filter, order, custom fields) to CSV with no row limit and constant memory. The
 * header uses the same field paths an import accepts, so an export can be edited and imported back.
 */
public final class CsvExportService {

    private static final List<String> SYSTEM = List.of("createdAt", "createdBy", "updatedAt", "updatedBy");

    private final TenantTransactions tx;
    private final RecordService records;

    public CsvExportService(TenantTransactions tx, RecordService records) {
        this.tx = tx;
        this.records = records;
    }

    /** @return the number of records written */
    public long export(
            TenantScope scope, ObjectKind kind, String filter, String order, boolean includeDeleted, OutputStream out) {
        List<FieldDefinition> defs = kind.hasCustomFields()
                ? tx.read(scope.schema(), c -> FieldDefinitionService.list(c, kind.apiName()))
                : List.of();
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(RecordColumns.paths(kind, defs));
        header.addAll(SYSTEM);
        if (includeDeleted) {
            header.add("deletedAt");
        }
        CsvWriter csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.writeRecord(header);
        long n = records.stream(scope, kind, filter, order, includeDeleted, r -> csv.writeRecord(row(r, header)));
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static List<String> row(CrmRecord r, List<String> header) {
        Map<String, Object> flat = r.flattened();
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            cells.add(text(flat.get(column)));
        }
        return cells;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return String.join(
                    RecordColumns.LIST_SEPARATOR + " ",
                    list.stream().map(Object::toString).toList());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
