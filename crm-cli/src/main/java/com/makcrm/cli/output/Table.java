package com.makcrm.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain aligned text table; empty cells print as '-'. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Table::text).toList());
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        measure(headers, widths);
        rows.forEach(r -> measure(r, widths));
        printRow(out, headers, widths);
        rows.forEach(r -> printRow(out, r, widths));
        out.flush();
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "-";
        }
        String s = cell.toString();
        return s.isEmpty() ? "-" : s;
    }
}
