package dev.falconharness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link Reply} as Falcon writes it: the JSON envelope ({@code meta} with {@code query_time},
 * {@code powered_by}, {@code trace_id}, pagination and writes; {@code resources}; {@code errors}) and the
 * headers {@code Content-Type}, {@code X-Cs-Traceid} (the same ID as {@code meta.trace_id}),
 * {@code X-Ratelimit-Limit} and {@code X-Ratelimit-Remaining}, spelt exactly so. {@code X-Cs-Region} is added
 * only when the sandbox was given a region: a client that sees it may move itself to that region's real
 * cloud. Thread-safe.
 */
final class ResponseWriter {
    static final int RATE_LIMIT = 6000;
    private static final String POWERED_BY = "falcon-harness-sandbox";

    private final ObjectMapper mapper = new ObjectMapper();
    private final MinuteCounter budget;
    private final String region;

    /** @param region the {@code X-Cs-Region} to send on every answer, or null for none */
    ResponseWriter(MinuteCounter budget, String region) {
        this.budget = budget;
        this.region = region;
    }

    /** @param startedNanos {@link System#nanoTime()} when the request arrived, for {@code query_time} */
    Answer render(Reply reply, String traceId, long startedNanos) {
        byte[] body = body(reply, traceId, startedNanos);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Cs-Traceid", traceId);
        if (region != null) {
            headers.put("X-Cs-Region", region);
        }
        // Replies that speak for another budget (401s count against the bad-token one) bring their own.
        if (!reply.hasHeader("X-Ratelimit-Limit")) {
            headers.put("X-Ratelimit-Limit", String.valueOf(RATE_LIMIT));
            headers.put("X-Ratelimit-Remaining", String.valueOf(budget.hitAndRemaining()));
        }
        headers.putAll(reply.headers());
        return new Answer(reply.status(), headers, body);
    }

    private byte[] body(Reply reply, String traceId, long startedNanos) {
        try {
            if (reply.rawBody() instanceof ObjectNode made && made.get("meta") instanceof ObjectNode meta) {
                stamp(meta, traceId, startedNanos); // a generated answer: its meta says who answered and when
                return mapper.writeValueAsBytes(made);
            }
            return mapper.writeValueAsBytes(reply.rawBody() != null ? reply.rawBody()
                    : envelope(reply, traceId, startedNanos));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stamp(ObjectNode meta, String traceId, long startedNanos) {
        // Seconds, like the API; rounded to microseconds to keep the number short.
        meta.put("query_time", Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000_000.0);
        meta.put("powered_by", POWERED_BY);
        meta.put("trace_id", traceId);
    }

    private ObjectNode envelope(Reply reply, String traceId, long startedNanos) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        stamp(meta, traceId, startedNanos);
        if (reply.pagination() != null) {
            meta.set("pagination", mapper.valueToTree(reply.pagination()));
        }
        if (reply.affected() != null) {
            meta.putObject("writes").put("resources_affected", reply.affected());
        }
        // Written straight from the maps when the body is written: a tree of them first would copy every
        // field of every resource (100 hosts' details are 3,000 fields).
        root.putPOJO("resources", reply.resources());
        root.putPOJO("errors", reply.errors());
        return root;
    }
}
