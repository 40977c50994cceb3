package dev.falconharness.cli;

/**
 * The exit codes of {@code falcon}, one per kind of outcome, so scripts can tell "the API said no"
 * from "check your command" from "check your credentials" from "check your network".
 *
 * <pre>{@code
 * falcon GetRoles ids=x > roles.json || case $? in 3) echo "API error";; 5) echo "retry later";; esac
 * }</pre>
 */
public final class ExitCodes {
    /** The API answered 2xx (or a dry run, listing or help succeeded). */
    public static final int OK = 0;
    /** Something else failed: a local file could not be written, or a bug. */
    public static final int ERROR = 1;
    /** The command line is wrong: unknown operation, option or parameter, or an invalid value. Nothing was sent. */
    public static final int USAGE = 2;
    /** The API answered 4xx or 5xx; its body is still printed on stdout. */
    public static final int API_ERROR = 3;
    /** No access token: credentials missing or refused. The call was not sent. */
    public static final int AUTH = 4;
    /** The API could not be reached: connection refused, timeout, TLS or DNS failure. */
    public static final int NETWORK = 5;
    /**
     * Ctrl-C stopped the command (128 + SIGINT, as shells report it); what was printed before is
     * complete JSON, and the count of records written is on stderr.
     */
    public static final int INTERRUPTED = 130;
    /**
     * stdout's reader went away ({@code falcon ... | head -1}): the command stopped at once. 128 + SIGPIPE,
     * the status {@code cat} or {@code grep} end with in the same place, so {@code set -o pipefail}
     * scripts see the same thing.
     */
    public static final int READER_GONE = 141;

    /** The table shown at the end of {@code falcon --help}. */
    static final String HELP_FOOTER = """

            Exit codes:
              0  success: the API answered 2xx
              1  other error (e.g. the --output file cannot be written)
              2  usage: unknown operation, option or parameter, or a bad value; not sent
              3  API error: the API answered 4xx or 5xx (the body is still printed)
              4  authentication: no credentials, or the token request was refused
              5  network: the API could not be reached (refused, timeout, TLS, DNS)
            130  interrupted by Ctrl-C (output so far is complete JSON)
            141  stdout was closed by its reader (e.g. | head); the command stopped
            """;

    private ExitCodes() {
    }
}
