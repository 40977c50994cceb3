package dev.falconharness.cli;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code --verbose}: logs each exchange on stderr as the harness makes it, token requests, retries,
 * rate-limit waits and 401 replays included. Credential headers and secret-named fields are masked
 * (bodies are shown as the core's redacted preview). Thread-safe: lines of one event stay together.
 *
 * <pre>
 * --> GET https://api.crowdstrike.com/user-roles/entities/user-roles/v1?ids=falcon_admin
 *     Authorization: Bearer [redacted]
 * <-- 200 OK (84 ms, 412 bytes, trace id 0b6f...)
 * </pre>
 */
final class VerboseListener implements CallListener {
    private static final String INDENT = "    ";

    private final PrintWriter log;

    VerboseListener(PrintWriter log) {
        this.log = log;
    }

    @Override
    public void requestSent(PreparedRequest request) {
        StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ')
                .append(request.redactedUrl()).append('\n');
        appendHeaders(out, request.headers());
        if (request.body() != null) {
            if (!request.headers().contains("Content-Type")) {
                out.append(INDENT).append("Content-Type: ").append(request.body().contentType()).append('\n');
            }
            out.append(INDENT).append(request.body().preview().replace("\n", "\n" + INDENT)).append('\n');
        }
        print(out);
    }

    @Override
    public void responseReceived(RawResponse response) {
        StringBuilder out = new StringBuilder("<-- ").append(response.status());
        String reason = StatusLine.reason(response.status());
        out.append(reason.isEmpty() ? "" : " " + reason).append(" (").append(response.elapsed().toMillis())
                .append(" ms, ").append(response.body().length).append(" bytes")
                .append(response.headers().value("X-Cs-Traceid").map(id -> ", trace id " + id).orElse(""))
                .append(")\n");
        appendHeaders(out, response.headers());
        print(out);
    }

    @Override
    public void requestFailed(PreparedRequest request, IOException failure) {
        print("<-- failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + "\n");
    }

    @Override
    public void retrying(PreparedRequest request, int attempt, String reason, Duration delay) {
        print("*** " + reason + ": attempt " + attempt + " in " + delay.toMillis() + " ms\n");
    }

    @Override
    public void waiting(PreparedRequest request, Duration delay, String reason) {
        print("*** waiting " + delay.toMillis() + " ms: " + reason + "\n");
    }

    @Override
    public void tokenObtained(Duration lifetime) {
        print("*** access token obtained, valid " + lifetime.toSeconds() + " s\n");
    }

    @Override
    public void replayingWithFreshToken(PreparedRequest request) {
        print("*** the token was refused: one replay with a fresh token\n");
    }

    private static void appendHeaders(StringBuilder out, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            out.append(INDENT).append(headers.name(i)).append(": ")
                    .append(Redaction.headerValue(headers.name(i), headers.value(i))).append('\n');
        }
    }

    private void print(CharSequence text) {
        synchronized (log) {
            log.print(text);
            log.flush();
        }
    }
}
