package com.makcrm.cli.output;

import java.io.PrintWriter;
import java.util.function.Supplier;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prints a command's data in the chosen format. Machine formats print a documented map/list structure (built by
 * each command), never our internal classes, so refactoring code cannot change what scripts parse.
 */
public final class Printer {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Printer() {}

    public static void print(PrintWriter out, OutputFormat format, Object machineView, Supplier<Table> table) {
        switch (format) {
            case json -> out.println(JSON.writeValueAsString(machineView));
            case yaml -> out.print(YAML.writeValueAsString(machineView));
            case table -> table.get().print(out);
        }
        out.flush();
    }

    /** For commands that change something: a sentence for people, the changed object for machines. */
    public static void result(PrintWriter out, OutputFormat format, Object machineView, String sentence) {
        if (format == OutputFormat.table) {
            out.println(sentence);
            out.flush();
        } else {
            print(out, format, machineView, null);
        }
    }
}
