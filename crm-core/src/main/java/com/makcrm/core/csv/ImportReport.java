package com.makcrm.core.csv;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import. {@code errors} lists at most {@value CsvImportService#MAX_REPORTED_ERRORS} rows;
 * {@code failed} counts them all. With {@code atomic}, any failure means nothing was imported
 * ({@code rolledBack}).
 */
public record ImportReport(
        long rows,
        long created,
        long updated,
        long skipped,
        long failed,
        boolean rolledBack,
        List<RowError> errors,
        Duration duration) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
