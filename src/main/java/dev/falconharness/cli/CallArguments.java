package dev.falconharness.cli;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's {@code name=value} and {@code name:=JSON} words (the second gives a raw JSON value,
 * as HTTPie does: {@code roleIds:='["a","b"]'}), {@code --body}, {@code --file} and {@code --header},
 * turned into what {@link dev.falconharness.Harness#prepare} takes: a parameter map (a name given
 * twice becomes a list), a body, and extra headers. Routing and validation stay in the core, so the
 * command line accepts exactly what {@code command()} accepts.
 *
 * @param params       arguments by parameter name: strings, lists of strings, {@link JsonNode}s (from
 *                     {@code :=}), or {@link Path}s for files
 * @param body         JSON text, raw bytes, a {@link Path}, or null
 * @param extraHeaders headers the operation does not declare, as name/value pairs in order
 */
record CallArguments(Map<String, Object> params, Object body, List<String[]> extraHeaders) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param op the operation being called: it decides where a header goes and whether a body is JSON */
    static CallArguments parse(Operation op, List<String> words, RequestOptions request, Io io) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String word : words) {
            String[] pair = split(word, "=", "expected name=value or name:=JSON, got \"" + TerminalText.escape(word) + "\"");
            if (pair[0].endsWith(":") && pair[0].length() > 1) {
                String name = pair[0].substring(0, pair[0].length() - 1).strip();
                add(params, name, json(word, name, pair[1]));
            } else {
                add(params, pair[0], pair[1]);
            }
        }
        for (String file : request.files) {
            String[] pair = split(file, "=", "--file expects NAME=@PATH, got \"" + file + "\"");
            add(params, pair[0], Path.of(pair[1].startsWith("@") ? pair[1].substring(1) : pair[1]));
        }
        List<String[]> extra = new ArrayList<>();
        for (String header : request.headers) {
            String[] pair = header(header);
            Parameter declared = declaredHeader(op, pair[0]);
            if (declared != null) {
                add(params, declared.name(), pair[1]);
            } else {
                extra.add(pair);
            }
        }
        if (request.contentType != null) {
            // The core checks it against the operation's declared types and picks the body's encoding by it.
            add(params, "Content-Type", request.contentType.strip());
        }
        return new CallArguments(params, body(op, request.body, request.contentType, io), extra);
    }

    private static String[] split(String word, String separator, String problem) {
        int at = word.indexOf(separator);
        if (at <= 0) {
            throw CommandFailure.usage(problem);
        }
        return new String[] {word.substring(0, at).strip(), word.substring(at + separator.length())};
    }

    /** The value of a {@code name:=JSON} word, parsed; anything but one JSON value is a usage error naming the word. */
    private static JsonNode json(String word, String name, String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode value = JSON.readTree(parser);
            if (value == null || value.isMissingNode() || parser.nextToken() != null) {
                throw new IOException("expected exactly one JSON value");
            }
            return value;
        } catch (IOException e) {
            throw CommandFailure.usage("\"" + TerminalText.escape(word) + "\": the value after := must be JSON (" + firstLine(e)
                    + "); quote it for the shell, e.g. " + name + ":='[\"a\",\"b\"]', or use " + name + "=TEXT for a string");
        }
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** A repeated name collects its values into a list, for array parameters ({@code ids=a ids=b}). */
    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> params, String name, Object value) {
        Object earlier = params.get(name);
        if (earlier == null) {
            params.put(name, value);
        } else if (earlier instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            params.put(name, new ArrayList<>(List.of(earlier, value)));
        }
    }

    /** {@code Name=value} or curl's {@code Name: value}; whichever separator comes first splits. */
    private static String[] header(String text) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
        if (at <= 0) {
            throw CommandFailure.usage("--header expects NAME=VALUE or 'Name: value', got \"" + text + "\"");
        }
        String value = text.substring(at + 1).strip();
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw CommandFailure.usage("--header " + text.substring(0, at) + ": a header value must be one line");
        }
        return new String[] {text.substring(0, at).strip(), value};
    }

    private static Parameter declaredHeader(Operation op, String name) {
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.HEADER && p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** Inline JSON, {@code @file} or {@code @-}; raw bytes when the operation takes non-JSON content. */
    private static Object body(Operation op, String spec, String contentType, Io io) {
        if (spec == null) {
            return null;
        }
        String type = contentType != null ? contentType : op.consumes();
        boolean json = type == null || dev.falconharness.http.MediaTypes.isJson(type);
        if (spec.isBlank()) {
            // Sent, it would only earn a 400 from the API; a missing body is caught here like any other.
            throw CommandFailure.usage("--body is empty; give JSON text, @FILE or @- (see 'falcon help body')");
        }
        if (spec.equals("@-")) {
            byte[] bytes = readStdin(io);
            if (bytes.length == 0 || json && new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                throw CommandFailure.usage("--body @-: nothing came on stdin; pipe the body in (jq ... | falcon "
                        + op.id() + " --body @-) or use --body @FILE");
            }
            return json ? new String(bytes, StandardCharsets.UTF_8) : bytes;
        }
        if (!spec.startsWith("@")) {
            // Inline text for a type that is not JSON (CSV, XML) goes as it is, byte for byte.
            return json ? spec : spec.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(spec.substring(1));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw CommandFailure.usage("--body " + spec + ": cannot read " + file.toAbsolutePath()
                    + " (not found, not a regular file, or not readable)");
        }
        // A binary upload streams from disk; JSON is read so the core can check it before sending.
        String text = json ? readText(file) : null;
        if (json && text.isBlank()) {
            throw CommandFailure.usage("--body " + spec + ": the file is empty; put the JSON body in it");
        }
        return json ? text : file;
    }

    private static byte[] readStdin(Io io) {
        try {
            return io.stdin().readAllBytes();
        } catch (IOException e) {
            throw CommandFailure.usage("--body @-: cannot read stdin: " + e.getMessage());
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.usage("--body @" + file + ": " + e.getMessage());
        }
    }
}
