package dev.falconharness.cli;

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

    static OutputOptions orDefault(OutputOptions options) {
        return options != null ? options : new OutputOptions();
    }

    /** Pretty unless asked otherwise: {@code --pretty}/{@code --compact} win over the terminal check. */
    boolean prettyFor(boolean terminal) {
        return pretty || (!compact && terminal);
    }
}
