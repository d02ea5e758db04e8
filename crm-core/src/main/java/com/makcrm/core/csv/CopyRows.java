package com.makcrm.core.csv;

import com.makcrm.core.value.Json;
import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/** Writes rows in PostgreSQL's COPY CSV format: unquoted empty = NULL, everything else quoted. */
final class CopyRows {

    private final Writer out;

    CopyRows(Writer out) {
        this.out = out;
    }

    void row(List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values.get(i);
            if (v != null) {
                quoted(text(v));
            }
        }
        out.write('\n');
    }

    private static String text(Object v) {
        if (v instanceof String[] array) {
            return arrayLiteral(array);
        }
        if (v instanceof Map<?, ?> map) {
            return Json.write(map);
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return v.toString();
    }

    /** A text[] literal: {"a","b"} with quotes and backslashes escaped. */
    private static String arrayLiteral(String[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"')
                    .append(values[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }

    private void quoted(String s) throws IOException {
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }
}
