package dev.falconharness.cli;

import dev.falconharness.AuthenticationException;
import dev.falconharness.NetworkException;
import dev.falconharness.UnknownOperationException;
import dev.falconharness.ValidationException;
import dev.falconharness.manifest.ManifestException;
import dev.falconharness.manifest.Suggestions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one message on stderr and its exit code ({@link ExitCodes}), in the command
 * line's words ({@link Wording}). No stack trace unless {@code --debug} asks for one; an unexpected
 * failure says it is a bug and how to get the details. Nothing here prints a secret: the harness's
 * messages never contain one.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** {@code --debug}: print the stack trace of every failure too. */
    private final boolean debug;
    /** Stderr is a terminal: messages (which may quote a server) are shown with escape sequences escaped. */
    private final java.util.function.BooleanSupplier terminal;

    /** @param terminal whether stderr is a terminal, asked when a failure is shown */
    Failures(boolean debug, java.util.function.BooleanSupplier terminal) {
        this.debug = debug;
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (Interruption.requested()) {
            // Ctrl-C interrupted the call; whatever failure that caused, the user asked for it.
            err.println("falcon: interrupted");
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        int code = exitCode(e);
        if (e instanceof CommandFailure failure && failure.getMessage() == null) {
            return code;
        }
        String message = message(e);
        err.println("falcon: " + (terminal.getAsBoolean() ? TerminalText.clean(message) : message));
        if (e instanceof UnknownOperationException unknown) {
            err.println(hintForUnknown(unknown));
        } else if (e instanceof ValidationException invalid && invalid.operationId() != null) {
            err.println("See 'falcon describe " + invalid.operationId() + "' for its parameters.");
        } else if (e instanceof NetworkException network) {
            err.println(network.isTimeout()
                    ? "The API did not answer in time; try again, or allow longer with --timeout SECONDS."
                    : "Check the cloud or base URL, the network and any proxy; try --verbose to see each exchange.");
        } else if (code == ExitCodes.ERROR && !(e instanceof CommandFailure) && !(e instanceof UncheckedIOException)) {
            err.println(debug ? "" : "This is a bug in falcon; run the command again with --debug for the details, and report them.");
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The one line saying what went wrong, in the command line's words. */
    private static String message(Exception e) {
        if (e instanceof UnknownOperationException unknown && unknown.operationId() != null) {
            // The ID is what was typed: a CR or LF in it must not start a new line (or forge one).
            return Wording.of(e.getMessage()).replace(unknown.operationId(), TerminalText.escape(unknown.operationId()));
        }
        if (e instanceof NetworkException) {
            return Wording.network(e.getMessage(), e.getCause());
        }
        if (e instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
            return Wording.of(unchecked.getMessage());
        }
        String text = e.getMessage();
        if (code(e) == ExitCodes.ERROR && !(e instanceof CommandFailure)) {
            // An exception nobody expected: its type is the only clue there is.
            return "internal error: " + e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
        }
        return Wording.of(text);
    }

    private static int code(Exception e) {
        return exitCode(e);
    }

    static int exitCode(Exception e) {
        if (e instanceof CommandFailure failure) {
            return failure.exitCode();
        }
        if (e instanceof ValidationException || e instanceof ManifestException || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof AuthenticationException) {
            return ExitCodes.AUTH;
        }
        if (e instanceof NetworkException) {
            return ExitCodes.NETWORK;
        }
        return ExitCodes.ERROR;
    }

    /** A mistyped command name ({@code falcon operaitons}) arrives here as an unknown operation ID. */
    private static String hintForUnknown(UnknownOperationException e) {
        List<String> close = Suggestions.closest(e.operationId(), FalconCommand.COMMANDS, 1);
        return close.isEmpty()
                ? "Run 'falcon operations --search TEXT' to find an operation."
                : "Did you mean the command 'falcon " + close.get(0) + "'? Or run 'falcon operations --search TEXT'.";
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("falcon: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            // Picocli lists an option once per place it is declared (a mixin's options come twice).
            List<String> suggestions = unmatched.getSuggestions().stream().distinct().toList();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + String.join(" or ", suggestions) + "?");
            }
        }
        err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
