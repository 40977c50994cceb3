package dev.falconharness.cli;

/**
 * A failure found by the command line itself (not the harness), with the exit code it ends in. The
 * message is printed on stderr as it is, so it says what to do.
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    private CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The command line is wrong; nothing was sent. */
    static CommandFailure usage(String message) {
        return new CommandFailure(message, ExitCodes.USAGE);
    }

    /** Credentials are missing or unreadable; nothing was sent. */
    static CommandFailure auth(String message) {
        return new CommandFailure(message, ExitCodes.AUTH);
    }

    /** A local file could not be read or written. */
    static CommandFailure error(String message) {
        return new CommandFailure(message, ExitCodes.ERROR);
    }

    /** stdout's reader went away; nothing more is worth saying (stderr may be gone too). */
    static CommandFailure readerGone() {
        return new CommandFailure(null, ExitCodes.READER_GONE);
    }

    int exitCode() {
        return exitCode;
    }
}
