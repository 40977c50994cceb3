package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.AuthenticationException;
import dev.falconharness.NetworkException;
import dev.falconharness.PaginationException;
import dev.falconharness.paging.Paginator;
import java.io.PrintWriter;

/**
 * {@code --all}: prints every record of every page as it arrives, one compact JSON value per line (or
 * one array with {@code --array}), with a progress line on stderr when stderr is a terminal. Records
 * already printed stay printed when a later page fails; the failure then decides the exit code.
 *
 * <p>It stops asking for pages as soon as nobody reads them: when stdout's reader goes away
 * ({@code | head -1}, exit {@link ExitCodes#READER_GONE}), or on Ctrl-C ({@link Interruption}), where it
 * still closes the array and says on stderr how many records were written (exit
 * {@link ExitCodes#INTERRUPTED}).
 */
final class AllPages {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean progress;
    /** Stderr is a terminal: a server's message is shown with its escape sequences escaped. */
    private final boolean cleanErrors;
    private final RecordWriter writer;
    private long records;
    private int pages;

    AllPages(PrintWriter out, PrintWriter err, Io io, OutputOptions output) {
        this.out = out;
        this.err = err;
        // The progress line rewrites itself with a carriage return, which only makes sense on a terminal.
        this.progress = !output.quiet && io.stderrTerminal();
        this.cleanErrors = io.stderrTerminal();
        // Records are server text: on a terminal their escape sequences are shown, not obeyed.
        this.writer = new RecordWriter(TerminalText.cleaning(out, io.terminal()), output, output.prettyFor(io.terminal()));
    }

    int print(Paginator paginator) {
        writer.begin();
        try {
            paginator.pages().forEach(page -> {
                pages++;
                writer.select(page.resources()).forEach(this::record);
                showProgress();
                stopIfUnread();
            });
        } catch (Stop stop) {
            return stopped(stop.exitCode);
        } catch (RuntimeException e) {
            // Ctrl-C interrupts a page request mid-flight; whatever that failure says, the user asked for it.
            if (Interruption.requested()) {
                return stopped(ExitCodes.INTERRUPTED);
            }
            finish();
            if (e instanceof PaginationException failure) {
                return failed(failure);
            }
            throw e;
        }
        finish();
        return ExitCodes.OK;
    }

    /** Ends the output early: no more pages are requested. */
    private int stopped(int exitCode) {
        // The interrupt that ended a page request must not also cut short the token's revocation.
        Thread.interrupted();
        if (exitCode == ExitCodes.READER_GONE) {
            return exitCode;
        }
        finish();
        err.println("falcon: interrupted; " + records + (records == 1 ? " record" : " records") + " from "
                + pages + (pages == 1 ? " page" : " pages") + " written" + (writer.array() ? " (the JSON array is closed)" : ""));
        err.flush();
        return exitCode;
    }

    /** Throws {@link Stop} when stdout's reader is gone or the user pressed Ctrl-C. */
    private void stopIfUnread() {
        // checkError flushes, so a closed pipe shows here rather than at exit.
        if (out.checkError()) {
            throw new Stop(ExitCodes.READER_GONE);
        }
        if (Interruption.requested()) {
            throw new Stop(ExitCodes.INTERRUPTED);
        }
    }

    private void record(JsonNode record) {
        if (Interruption.requested()) {
            throw new Stop(ExitCodes.INTERRUPTED);
        }
        writer.write(record);
        records++;
    }

    private void showProgress() {
        out.flush();
        if (progress) {
            err.print("\r" + pages + (pages == 1 ? " page, " : " pages, ") + records + " records");
            err.flush();
        }
    }

    private void finish() {
        writer.end();
        out.flush();
        if (progress) {
            err.print("\r\033[K");
        }
        err.flush();
    }

    private int failed(PaginationException e) {
        err.println("falcon: " + (cleanErrors ? TerminalText.clean(e.getMessage()) : e.getMessage()));
        err.flush();
        Throwable cause = e.getCause();
        if (e.failedPage() != null) {
            return ExitCodes.API_ERROR;
        }
        if (cause instanceof NetworkException) {
            return ExitCodes.NETWORK;
        }
        return cause instanceof AuthenticationException ? ExitCodes.AUTH : ExitCodes.ERROR;
    }

    /** Unwinds the page stream when the output should end early. */
    private static final class Stop extends RuntimeException {
        private final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
