package dev.falconharness.cli;

import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.Redaction;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows the request a call would send, and the same request as a {@code curl} command, without
 * sending anything. The token is added only when a call is sent, so it appears as
 * {@code Bearer [redacted]}, and as {@code $FALCON_TOKEN} in the curl command so that it still runs.
 * Secret-named fields are masked in both.
 */
final class DryRun {
    private static final String TOKEN_VARIABLE = "$FALCON_TOKEN";

    private DryRun() {
    }

    /**
     * @param bearer true when the call would carry a token
     * @param op     the operation, for naming multipart fields in the curl command
     * @param args   the parsed arguments, for file paths in the curl command
     */
    static String render(PreparedRequest request, boolean bearer, Operation op, CallArguments args) {
        Headers headers = sentHeaders(request, bearer);
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append(' ').append(request.redactedUrl()).append('\n');
        for (int i = 0; i < headers.size(); i++) {
            out.append(headers.name(i)).append(": ").append(Redaction.headerValue(headers.name(i), headers.value(i))).append('\n');
        }
        if (request.body() != null) {
            out.append('\n').append(request.body().preview()).append('\n');
        }
        out.append('\n');
        if (bearer) {
            out.append("# curl needs a token: export FALCON_TOKEN=... (POST /oauth2/token with your client ID and secret)\n");
        }
        return out.append(curl(request, headers, op, args)).append('\n').toString();
    }

    /** The headers as the transport would send them: the token placeholder and the body's type added. */
    private static Headers sentHeaders(PreparedRequest request, boolean bearer) {
        Headers headers = request.headers();
        if (bearer && !headers.contains("Authorization")) {
            headers = headers.plus("Authorization", "Bearer " + Redaction.MASK);
        }
        if (request.body() != null && !headers.contains("Content-Type")) {
            headers = headers.plus("Content-Type", request.body().contentType());
        }
        return headers;
    }

    /** One option per line, joined with backslash-newlines, so it reads well and still pastes into a shell. */
    private static String curl(PreparedRequest request, Headers headers, Operation op, CallArguments args) {
        List<String> lines = new ArrayList<>(List.of("curl -X " + request.method() + " " + quote(request.redactedUrl())));
        boolean multipart = request.body() != null && request.body().contentType().startsWith("multipart/");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (multipart && name.equalsIgnoreCase("Content-Type")) {
                continue; // curl writes its own boundary into the multipart Content-Type
            }
            lines.add("-H " + headerWord(name, headers.value(i)));
        }
        if (multipart) {
            formLines(lines, op, args);
        } else if (request.body() != null) {
            lines.add("--data-binary " + bodyWord(request.body(), args.body()));
        }
        return String.join(" \\\n  ", lines);
    }

    private static String headerWord(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") && value.equals("Bearer " + Redaction.MASK)) {
            return "\"Authorization: Bearer " + TOKEN_VARIABLE + "\"";
        }
        return quote(name + ": " + Redaction.headerValue(name, value));
    }

    private static String bodyWord(RequestBody body, Object argument) {
        if (argument instanceof Path file) {
            return quote("@" + file);
        }
        if (argument instanceof byte[]) {
            return "@-";
        }
        return quote(body.preview());
    }

    /** One {@code -F} per form field, files as {@code name=@path}, secrets masked. */
    private static void formLines(List<String> lines, Operation op, CallArguments args) {
        for (Parameter p : op.parameters()) {
            Object value = args.params().get(p.name());
            if (p.location() != Location.FORM_DATA || value == null) {
                continue;
            }
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                String text = item instanceof Path file ? "@" + file
                        : Redaction.isSecretName(p.name()) ? Redaction.MASK : String.valueOf(item);
                lines.add("-F " + quote(p.name() + "=" + text));
            }
        }
    }

    /** Single-quoted for POSIX shells; a single quote inside becomes {@code '\''}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
