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
 * sending anything. Credentials are added only when a call is sent, so the dry run shows where each goes
 * with its value masked, for exactly the scheme the operation would use ({@link DryRunCredentials}): a
 * token as {@code Bearer [redacted]}, an API key in its header or query parameter, Basic as
 * {@code Basic [redacted]}. In the curl command each is an environment variable so that it still runs.
 * Secret-named fields are masked in both.
 */
final class DryRun {
    private DryRun() {
    }

    /**
     * @param session the session the call would go through: its manifest, and which credentials it has
     * @param op      the operation, for its security requirement and for naming multipart fields in curl
     * @param args    the parsed arguments, for file paths in the curl command
     */
    static String render(PreparedRequest request, Session session, Operation op, CallArguments args) {
        List<DryRunCredentials.Added> credentials = DryRunCredentials.of(session, op);
        for (DryRunCredentials.Added added : credentials) {
            if (added.query() != null) {
                String target = request.target();
                request = request.withTarget(target + (target.contains("?") ? "&" : "?") + added.query() + "=" + Redaction.MASK);
            }
        }
        Headers headers = sentHeaders(request, credentials);
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append(' ').append(request.redactedUrl()).append('\n');
        for (int i = 0; i < headers.size(); i++) {
            out.append(headers.name(i)).append(": ").append(Redaction.headerValue(headers.name(i), headers.value(i))).append('\n');
        }
        if (request.body() != null) {
            out.append('\n').append(request.body().preview()).append('\n');
        }
        out.append('\n');
        credentials.stream().map(DryRunCredentials.Added::hint).filter(java.util.Objects::nonNull)
                .forEach(hint -> out.append("# ").append(hint).append('\n'));
        return out.append(curl(request, headers, op, args, credentials)).append('\n').toString();
    }

    /** The headers as the transport would send them: the masked credentials and the body's type added. */
    private static Headers sentHeaders(PreparedRequest request, List<DryRunCredentials.Added> credentials) {
        Headers headers = request.headers();
        for (DryRunCredentials.Added added : credentials) {
            if (added.header() != null && !headers.contains(added.header())) {
                headers = headers.plus(added.header(), added.shown());
            }
        }
        if (request.body() != null && !headers.contains("Content-Type")) {
            headers = headers.plus("Content-Type", request.body().contentType());
        }
        return headers;
    }

    /** One option per line, joined with backslash-newlines, so it reads well and still pastes into a shell. */
    private static String curl(PreparedRequest request, Headers headers, Operation op, CallArguments args,
            List<DryRunCredentials.Added> credentials) {
        List<String> lines = new ArrayList<>(List.of("curl -X " + request.method() + " " + quote(request.redactedUrl())));
        boolean multipart = request.body() != null && request.body().contentType().startsWith("multipart/");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (multipart && name.equalsIgnoreCase("Content-Type")) {
                continue; // curl writes its own boundary into the multipart Content-Type
            }
            lines.add("-H " + headerWord(name, headers.value(i), credentials));
        }
        if (multipart) {
            formLines(lines, op, args);
        } else if (request.body() != null) {
            lines.add("--data-binary " + bodyWord(request.body(), args.body()));
        }
        return String.join(" \\\n  ", lines);
    }

    private static String headerWord(String name, String value, List<DryRunCredentials.Added> credentials) {
        for (DryRunCredentials.Added added : credentials) {
            if (name.equalsIgnoreCase(added.header()) && value.equals(added.shown())) {
                // Double quotes, so the shell fills in the variable.
                return "\"" + name + ": " + added.curlValue() + "\"";
            }
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
