package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.AuthenticationException;
import dev.falconharness.NetworkException;
import dev.falconharness.PaginationException;
import dev.falconharness.paging.Paginator;
import java.io.PrintWriter;

/**
 * {@code --all}: prints every record of every page as it arrives, one compact JSON value per line (or
 * one array with {@code --array}), with a progress line on stderr when a person is watching. Records
 * already printed stay printed when a later page fails; the failure then decides the exit code.
 */
final class AllPages {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean progress;
    private final boolean array;
    private final boolean pretty;
    private long records;
    private int pages;

    AllPages(PrintWriter out, PrintWriter err, Io io, OutputOptions output) {
        this.out = out;
        this.err = err;
        // The progress line rewrites itself with a carriage return, which only makes sense on a terminal.
        this.progress = !output.quiet && System.console() != null && io.terminal();
        this.array = output.array;
        this.pretty = output.array && output.prettyFor(io.terminal());
    }

    int print(Paginator paginator) {
        if (array) {
            out.print("[");
        }
        try {
            paginator.pages().forEach(page -> {
                pages++;
                page.resources().forEach(this::record);
                showProgress();
            });
        } catch (PaginationException e) {
            finish();
            return failed(e);
        }
        finish();
        return ExitCodes.OK;
    }

    private void record(JsonNode record) {
        if (array) {
            out.print((records > 0 ? "," : "") + (pretty ? "\n  " : "") + ResponsePrinter.json(record, false));
        } else {
            out.println(ResponsePrinter.json(record, false));
        }
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
        if (array) {
            out.println((pretty && records > 0 ? "\n" : "") + "]");
        }
        out.flush();
        if (progress) {
            err.print("\r\033[K");
        }
        err.flush();
    }

    private int failed(PaginationException e) {
        err.println("falcon: " + e.getMessage());
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
}
