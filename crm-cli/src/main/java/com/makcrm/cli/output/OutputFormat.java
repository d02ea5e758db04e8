package com.makcrm.cli.output;

/** How list/show/status commands print: a table for people, JSON or YAML for machines. */
public enum OutputFormat {
    table,
    json,
    yaml
}
