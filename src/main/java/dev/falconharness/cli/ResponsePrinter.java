package dev.falconharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.falconharness.ApiResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a response the way a shell user wants it: the body on stdout (JSON pretty on a terminal,
 * compact when piped; other content as raw bytes, but never dumped on a terminal), and the status line
 * and the API's error messages on stderr. Returns the exit code. On a terminal, server text has its
 * control characters and escape sequences shown as escapes ({@link TerminalText}); a pipe or file gets it
 * unaltered.
 */
final class ResponsePrinter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Io io;
    private final OutputOptions options;

    ResponsePrinter(PrintWriter out, PrintWriter err, Io io, OutputOptions options) {
        this.out = out;
        this.err = err;
        this.io = io;
        this.options = options;
    }

    int print(ApiResponse response) {
        if (!options.quiet || !response.isSuccessful()) {
            err.println(forStderr(StatusLine.of(response)));
        }
        for (ApiResponse.ApiError error : response.errors()) {
            err.println(forStderr("  error: " + error));
        }
        err.flush();
        body(response);
        return response.isSuccessful() ? ExitCodes.OK : ExitCodes.API_ERROR;
    }

    private void body(ApiResponse response) {
        String output = options.output;
        if (output != null && !output.equals("-") && response.isSuccessful()) {
            save(response, Path.of(output));
            return;
        }
        if (output != null && !output.equals("-")) {
            // An error page must not replace the file a script expects the download in.
            err.println("The error response was not saved to " + output + ".");
        }
        if (response.bytes().length == 0) {
            return;
        }
        if (response.isJson()) {
            printJson(Json.exact(response));
        } else if ("-".equals(output) || !io.terminal()) {
            raw(response.bytes());
        } else if (isText(response)) {
            out.print(TerminalText.clean(response.text()));
            out.println();
        } else {
            err.println("The response is " + response.bytes().length + " bytes of "
                    + response.contentType().orElse("unknown content") + "; not shown on a terminal. "
                    + "Save it with --output FILE, or print it anyway with --output -.");
        }
        out.flush();
    }

    /** JSON as it came, or through {@code --query} and {@code --format}. */
    private void printJson(JsonNode body) {
        JsonNode value = options.query() == null ? body : options.query().apply(body);
        Format format = options.format();
        String text = format == null || format == Format.JSON ? json(value, options.prettyFor(io.terminal())) + "\n"
                : Rendering.render(value, format, options.columns);
        out.print(forStdout(text));
    }

    /** Server text for stdout: cleaned of escape sequences on a terminal, untouched for a pipe or file. */
    private String forStdout(String text) {
        return io.terminal() ? TerminalText.clean(text) : text;
    }

    private String forStderr(String text) {
        return io.stderrTerminal() ? TerminalText.clean(text) : text;
    }

    private void save(ApiResponse response, Path file) {
        try {
            response.saveTo(file);
        } catch (UncheckedIOException e) {
            throw CommandFailure.error(e.getMessage());
        }
        if (!options.quiet) {
            err.println("Saved " + response.bytes().length + " bytes to " + file);
        }
    }

    private void raw(byte[] bytes) {
        out.flush();
        try {
            io.stdout().write(bytes);
            io.stdout().flush();
        } catch (IOException e) {
            // The only way writing to stdout fails is its reader closing it (| head -c 100).
            throw CommandFailure.readerGone();
        }
    }

    private static boolean isText(ApiResponse response) {
        String type = response.contentType().orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("xml") || type.contains("javascript");
    }

    /** The response body with its decimals exactly as the server wrote them. */
    static JsonNode exactBody(ApiResponse response) {
        return Json.exact(response);
    }

    /** jq's layout when pretty: two-space indent, one array item per line, {@code "key": value}. */
    static String json(JsonNode node, boolean pretty) {
        try {
            return pretty ? Json.PRETTY.writeValueAsString(node) : Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree cannot fail to print", e);
        }
    }

    /** Built on first use, so commands that print no JSON do not pay for it. */
    private static final class Json {
        /** Decimals stay as the server wrote them (0.000755, not 7.55E-4): the CLI must not alter data. */
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        static final ObjectWriter PRETTY = MAPPER.writer(printer());

        /** The body parsed again with exact decimals (the harness's tree has doubles). */
        static JsonNode exact(ApiResponse response) {
            try {
                return MAPPER.readTree(response.bytes());
            } catch (IOException e) {
                return response.body();
            }
        }

        private static DefaultPrettyPrinter printer() {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
            printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            return printer;
        }
    }
}
