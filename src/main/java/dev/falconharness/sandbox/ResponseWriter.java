package dev.falconharness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a {@link Reply} as Falcon does: the JSON envelope ({@code meta} with {@code query_time},
 * {@code powered_by}, {@code trace_id}, pagination and writes; {@code resources}; {@code errors}),
 * {@code Content-Type: application/json}, {@code X-Cs-Traceid} (the same ID as {@code meta.trace_id}) and
 * the {@code X-Ratelimit-*} headers. Thread-safe.
 */
final class ResponseWriter {
    static final int RATE_LIMIT = 6000;
    private static final String POWERED_BY = "falcon-harness-sandbox";

    private final ObjectMapper mapper = new ObjectMapper();
    private final MinuteCounter budget;

    ResponseWriter(MinuteCounter budget) {
        this.budget = budget;
    }

    /**
     * @param startedNanos {@link System#nanoTime()} when the request arrived, for {@code query_time}
     * @param head         true for a HEAD request: headers only
     */
    void write(HttpExchange exchange, Reply reply, String traceId, long startedNanos, boolean head) throws IOException {
        byte[] body = body(reply, traceId, startedNanos);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("X-Cs-Traceid", traceId);
        // Replies that speak for another budget (401s count against the bad-token one) bring their own.
        if (!reply.hasHeader("X-Ratelimit-Limit")) {
            headers.set("X-Ratelimit-Limit", String.valueOf(RATE_LIMIT));
            headers.set("X-Ratelimit-Remaining", String.valueOf(budget.hitAndRemaining()));
        }
        reply.headers().forEach(headers::set);
        exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] body(Reply reply, String traceId, long startedNanos) {
        try {
            return mapper.writeValueAsBytes(reply.rawBody() != null ? reply.rawBody()
                    : envelope(reply, traceId, startedNanos));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode envelope(Reply reply, String traceId, long startedNanos) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        // Seconds, like the API; rounded to microseconds to keep the number short.
        meta.put("query_time", Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000_000.0);
        meta.put("powered_by", POWERED_BY);
        meta.put("trace_id", traceId);
        if (reply.pagination() != null) {
            meta.set("pagination", mapper.valueToTree(reply.pagination()));
        }
        if (reply.affected() != null) {
            meta.putObject("writes").put("resources_affected", reply.affected());
        }
        root.set("resources", mapper.valueToTree(reply.resources()));
        root.set("errors", mapper.valueToTree(reply.errors()));
        return root;
    }
}
