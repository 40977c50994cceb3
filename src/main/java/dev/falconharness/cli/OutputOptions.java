package dev.falconharness.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** How the response is shown: where the body goes, JSON layout, and how much is said on stderr. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Save the response body to PATH (any content; '-' writes it to stdout). "
                    + "Error responses are printed, never saved.")
    String output;

    @Option(names = "--pretty", description = "Indent the JSON (the default on a terminal).")
    boolean pretty;

    @Option(names = "--compact", description = "One line of JSON (the default when stdout is piped).")
    boolean compact;

    @Option(names = {"-v", "--verbose"},
            description = "Log each HTTP exchange on stderr, token request included, secrets masked.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No status line or warnings on stderr; errors only.")
    boolean quiet;

    @Option(names = "--debug", description = "On a failure, print its stack trace too (for a bug report).")
    boolean debug;

    @Option(names = "--all", description = "Follow the pagination and print every record of every page, one JSON "
            + "record per line as each page arrives (a progress line on stderr when it is a terminal).")
    boolean all;

    @Option(names = "--array", description = "With --all: print one JSON array of all records instead of JSON lines.")
    boolean array;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (the default), jsonl, yaml, table or csv. "
            + "A table or CSV shows a response's resources, one row per record.")
    String formatName;

    @Option(names = "--columns", split = ",", paramLabel = "FIELD[,FIELD...]",
            description = "With --format table or csv: these fields as columns, in this order (a.b reaches into objects).")
    List<String> columns;

    @Option(names = "--query", paramLabel = "JMESPATH", description = "Keep only what this JMESPath expression "
            + "selects, e.g. 'resources[].uid' (with --all: applied to each record). See 'falcon help query'.")
    String queryText;

    private Query query;

    /** The {@code --format}, or null when none was given; a bad name is a usage error. */
    Format format() {
        return formatName == null ? null : Format.parse(formatName);
    }

    /** The compiled {@code --query}, or null; compiled once, so a bad expression fails before sending. */
    Query query() {
        if (query == null && queryText != null) {
            query = Query.compile(queryText);
        }
        return query;
    }

    /** Refuses contradicting output options; run before anything is sent. */
    void check() {
        Format format = format();
        query();
        if (columns != null && (format == null || !format.tabular())) {
            throw CommandFailure.usage("--columns chooses the columns of a table or CSV; add --format table or --format csv");
        }
        if (array && format != null && format != Format.JSON) {
            throw CommandFailure.usage("--array prints one JSON array; it cannot be --format " + formatName + " too; give one");
        }
        if (format != null && output != null && !output.equals("-")) {
            throw CommandFailure.usage("--output saves the response as it came; --format cannot change it; drop one");
        }
    }

    static OutputOptions orDefault(OutputOptions options) {
        return options != null ? options : new OutputOptions();
    }

    /** Pretty unless asked otherwise: {@code --pretty}/{@code --compact} win over the terminal check. */
    boolean prettyFor(boolean terminal) {
        return pretty || (!compact && terminal);
    }
}
