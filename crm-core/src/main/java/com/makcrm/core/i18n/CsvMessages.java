package com.makcrm.core.i18n;

/**
 * Errors of CSV imports ({@code com.makcrm.core.csv}), read by the people importing a spreadsheet: errors of the
 * whole file (its header, its encoding) and per-row errors of the import report. English sources equal the texts
 * these errors carried before they were translatable. A "line" is a line of the file, 1 being the header.
 */
public final class CsvMessages {

    private CsvMessages() {}

    private static final String FIELDS =
            " {fields}: the field names the file may use, untranslated (e.g. [name," + " domain]).";

    // the whole file

    public static final Message FILE_EMPTY = new Message(
            "csv.fileEmpty",
            "line 1: the file is empty; it needs a header row",
            "CSV import error: the uploaded file has nothing in it, not even the first row with column names.");
    public static final Message MALFORMED = new Message(
            "csv.malformed",
            "line {line} or after: malformed CSV: {reason}",
            "CSV import error: the file breaks the CSV syntax (e.g. an unclosed quote). {line}: the line number where"
                    + " the problem starts at the earliest; {reason}: the parser's explanation, in English.");
    public static final Message NOT_UTF8 = new Message(
            "csv.notUtf8",
            "line {line} or after: the file is not valid UTF-8",
            "CSV import error: the file is in another text encoding (e.g. Windows-1251); it must be saved as UTF-8."
                    + " {line}: the line number where the problem starts at the earliest.");
    public static final Message READ_FAILED = new Message(
            "csv.readFailed",
            "reading the CSV failed near line {line}: {reason}",
            "CSV import error: the upload could not be read. {line}: a line number; {reason}: the technical cause,"
                    + " in English.");

    // the header row

    public static final Message COLUMN_MAPPED_TO_UNKNOWN_FIELD = new Message(
            "csv.columnMappedToUnknownField",
            "line 1: column ''{column}'' is mapped to unknown field ''{path}''; fields are {fields}",
            "CSV import error in the header row: the user's column mapping names a field that does not exist."
                    + " {column}: the column's title in the file; {path}: the field it was mapped to, untranslated;"
                    + FIELDS);
    public static final Message TWO_COLUMNS_FOR_FIELD = new Message(
            "csv.twoColumnsForField",
            "line 1: two columns feed field ''{path}''",
            "CSV import error in the header row: two columns would fill the same field. {path}: the field's API"
                    + " name, untranslated.");
    public static final Message UNKNOWN_COLUMNS = new Message(
            "csv.unknownColumns",
            "line 1: unknown {count, plural, one {column(s)} other {column(s)}} {columns}; map them to fields {fields}"
                    + " or ask to ignore unknown columns",
            "CSV import error in the header row: columns whose titles match no field. {count}: how many (selects the"
                    + " plural form); {columns}: their titles as in the file, e.g. [Shoe size];" + FIELDS
                    + " \"ask to ignore unknown columns\" refers to the import option that skips such columns.");
    public static final Message NO_COLUMN_MATCHES = new Message(
            "csv.noColumnMatches",
            "line 1: no column matches a field; fields are {fields}",
            "CSV import error in the header row: not one column title matches a field." + FIELDS);

    // rows (the import report)

    public static final Message ROW = new Message(
            "csv.row",
            "line {line}: {problem}",
            "A row error of the CSV import report. {line}: the row's line number in the file; {problem}: what is"
                    + " wrong with it, already translated (one or more errors separated by ;).");
    public static final Message ROW_FIELD_COUNT = new Message(
            "csv.rowFieldCount",
            "has {count} fields, the header has {header}",
            "A row error of the CSV import report, shown after \"line N: \". The row has a different number of"
                    + " cells than the header row. {count}: the row's cells; {header}: the header's columns.");
    public static final Message CELL_TOO_LONG = new Message(
            "csv.cellTooLong",
            "field {field} is longer than {max} characters",
            "A row error of the CSV import report, shown after \"line N: \". {field}: the field's API name,"
                    + " untranslated; {max}: the longest value a cell may hold, in characters.");
    public static final Message DUPLICATE_IN_FILE = new Message(
            "csv.duplicateInFile",
            "duplicate of line {first} in this file",
            "A row error of the CSV import report, shown after \"line N: \". The row repeats the email or domain of"
                    + " an earlier row. {first}: that earlier row's line number.");
    public static final Message NO_SUCH_REFERENCE = new Message(
            "csv.noSuchReference",
            "no {object} with id {id}",
            "A row error of the CSV import report, shown after \"line N: \". The row refers to a record that does"
                    + " not exist. {object}: the API name of its object type, untranslated (company, person); {id}:"
                    + " the id given (a UUID).");
    public static final Message NOT_A_STAGE = new Message(
            "csv.notAStage",
            "''{stage}'' is not a stage of pipeline {pipeline}",
            "A row error of the CSV import report, shown after \"line N: \". An opportunity (deal) names a stage its"
                    + " sales pipeline does not have. {stage}: the stage key given, untranslated; {pipeline}: the"
                    + " pipeline's id (a UUID).");
    public static final Message ALREADY_EXISTS = new Message(
            "csv.alreadyExists",
            "a {object} with this {key} already exists: {id}",
            "A row error of the CSV import report, shown after \"line N: \". A record with the same unique value"
                    + " exists, and duplicates are to be reported. {object}: the API name of the object type,"
                    + " untranslated (company, person); {key}: the API name of the unique field, untranslated"
                    + " (domain, emails.primary); {id}: the existing record's id (a UUID).");
}
