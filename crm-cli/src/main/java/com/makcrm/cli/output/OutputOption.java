package com.makcrm.cli.output;

import picocli.CommandLine.Option;

/** The {@code -o table|json|yaml} option shared by every command that shows data. */
public final class OutputOption {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "json and yaml are stable machine formats.")
    private OutputFormat format = OutputFormat.table;

    public OutputFormat format() {
        return format;
    }
}
