package dev.falconharness.cli;

import java.util.Locale;

/**
 * {@code --format}: how JSON results are written on stdout. {@link #JSON} is the default; the others
 * turn the same data into JSON lines, YAML, an aligned table or CSV ({@link Rendering}).
 */
enum Format {
    JSON, JSONL, YAML, TABLE, CSV;

    /** The names as typed on the command line, for help and completion. */
    static final String NAMES = "json, jsonl, yaml, table, csv";

    /** {@code --format NAME}, any case; {@code yml} is YAML. */
    static Format parse(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("yml")) {
            return YAML;
        }
        for (Format format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return format;
            }
        }
        throw CommandFailure.usage("--format " + name + ": unknown format; use one of " + NAMES);
    }

    /** Whether the output is rows and columns. */
    boolean tabular() {
        return this == TABLE || this == CSV;
    }
}
