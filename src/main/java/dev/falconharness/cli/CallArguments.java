package dev.falconharness.cli;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's {@code name=value} words, {@code --body}, {@code --file} and {@code --header},
 * turned into what {@link dev.falconharness.Harness#prepare} takes: a parameter map (a name given
 * twice becomes a list), a body, and extra headers. Routing and validation stay in the core, so the
 * command line accepts exactly what {@code command()} accepts.
 *
 * @param params       arguments by parameter name: strings, lists of strings, or {@link Path}s for files
 * @param body         JSON text, raw bytes, a {@link Path}, or null
 * @param extraHeaders headers the operation does not declare, as name/value pairs in order
 */
record CallArguments(Map<String, Object> params, Object body, List<String[]> extraHeaders) {

    /** @param op the operation being called: it decides where a header goes and whether a body is JSON */
    static CallArguments parse(Operation op, List<String> words, RequestOptions request, Io io) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String word : words) {
            String[] pair = split(word, "=", "expected name=value, got \"" + word + "\"");
            add(params, pair[0], pair[1]);
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
        return new CallArguments(params, body(op, request.body, io), extra);
    }

    private static String[] split(String word, String separator, String problem) {
        int at = word.indexOf(separator);
        if (at <= 0) {
            throw CommandFailure.usage(problem);
        }
        return new String[] {word.substring(0, at).strip(), word.substring(at + separator.length())};
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
    private static Object body(Operation op, String spec, Io io) {
        if (spec == null) {
            return null;
        }
        boolean json = op.consumes() == null || dev.falconharness.http.MediaTypes.isJson(op.consumes());
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
            return spec;
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
