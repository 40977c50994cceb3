package dev.falconharness.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The canned answers of the benchmark servers: Falcon's token endpoint, a {@code GetRoles} envelope, and
 * {@code QueryDevicesByFilterScroll} paging over {@value #RECORDS} ids with scroll tokens. Answers are
 * prepared bytes, so the server spends as little time as possible and the client side is what is measured.
 * Thread-safe; immutable.
 *
 * <p>The paged endpoint is a scroll one on purpose: Falcon refuses integer offsets past 10,000, so an
 * integer-offset operation such as {@code queryUserV1} cannot page through 100,000 records at all.
 */
final class Routes {
    /** Records behind the paged endpoint. */
    static final int RECORDS = 100_000;
    static final String TOKEN_PATH = "/oauth2/token";
    static final String ROLES_PATH = "/user-roles/entities/user-roles/v1";
    static final String SCROLL_PATH = "/devices/queries/devices-scroll/v1";
    /** Falcon's page size when a query names no limit. */
    private static final int DEFAULT_LIMIT = 100;
    /** Each record is {@code "<32 hex digits>",}: 35 bytes. */
    private static final int RECORD_BYTES = 35;
    private static final byte[] PAGE_END = utf8("],\"errors\":[]}");

    private final Answer token;
    private final Answer roles;
    private final Answer notFound;
    private final byte[] records;

    /**
     * Headers Falcon sends with every answer besides framing (trace ID, rate-limit budget), so the
     * harness does its usual header work: alternating names and values.
     */
    static final String[] HEADERS = {"Content-Type", "application/json", "X-Cs-Traceid",
        "3f4e2b1a-9c8d-4e7f-a6b5-c4d3e2f1a0b9", "X-Ratelimit-Limit", "6000", "X-Ratelimit-Remaining", "5999"};

    /**
     * A status, the HTTP/1.1 head (status line, {@link #HEADERS}, {@code Content-Length}) and the body in
     * parts, so a page is written straight from the shared record bytes without being copied together.
     * The parts' positions are never moved: read them with {@link #write}.
     */
    record Answer(int status, byte[] head, ByteBuffer[] parts, int length) {
        static Answer of(int status, ByteBuffer... parts) {
            int length = 0;
            for (ByteBuffer part : parts) {
                length += part.remaining();
            }
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status)
                    .append(status == 200 ? " OK" : status == 201 ? " Created" : " Not Found").append("\r\n");
            for (int i = 0; i < HEADERS.length; i += 2) {
                head.append(HEADERS[i]).append(": ").append(HEADERS[i + 1]).append("\r\n");
            }
            head.append("Content-Length: ").append(length).append("\r\n\r\n");
            return new Answer(status, head.toString().getBytes(StandardCharsets.US_ASCII), parts, length);
        }

        static Answer of(int status, byte[] body) {
            return of(status, ByteBuffer.wrap(body));
        }

        /** Writes the body parts to {@code out}. */
        void write(OutputStream out) throws IOException {
            for (ByteBuffer part : parts) {
                out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
            }
        }
    }

    Routes() {
        this.token = Answer.of(201, utf8("{\"access_token\":\"bench-token-0123456789abcdef\",\"token_type\":\"bearer\","
                + "\"expires_in\":1799}"));
        this.roles = Answer.of(200, utf8(rolesEnvelope()));
        this.notFound = Answer.of(404, utf8(envelope("[]", "", "[{\"code\":404,\"message\":\"no such route\"}]")));
        this.records = recordBytes();
    }

    /** The answer for one request; {@code target} is the path and raw query. */
    Answer answer(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        if (path.equals(TOKEN_PATH) && method.equals("POST")) {
            return token;
        }
        if (path.equals(ROLES_PATH) && method.equals("GET")) {
            return roles;
        }
        if (path.equals(SCROLL_PATH) && method.equals("GET")) {
            return scrollPage(query);
        }
        return notFound;
    }

    /** A page of ids from the scroll token {@code scroll-<index>} (none: the start). */
    private Answer scrollPage(String query) {
        int from = 0;
        int limit = DEFAULT_LIMIT;
        for (String pair : query.split("&")) {
            if (pair.startsWith("offset=scroll-")) {
                from = Integer.parseInt(pair.substring("offset=scroll-".length()));
            } else if (pair.startsWith("limit=")) {
                limit = Integer.parseInt(pair.substring("limit=".length()));
            }
        }
        int to = Math.min(RECORDS, from + limit);
        String next = to < RECORDS ? "\"scroll-" + to + "\"" : "\"\"";
        String pagination = ",\"pagination\":{\"offset\":" + next + ",\"expires_at\":1700000000000000000,\"total\":"
                + RECORDS + "}";
        ByteBuffer head = ByteBuffer.wrap(utf8("{\"meta\":{\"query_time\":0.001,\"powered_by\":\"device-api\",\"trace_id\":"
                + "\"00000000-0000-4000-8000-000000000000\"" + pagination + "},\"resources\":["));
        // The slice of the shared record bytes minus its last comma: no copy.
        ByteBuffer slice = ByteBuffer.wrap(records, from * RECORD_BYTES, Math.max(0, (to - from) * RECORD_BYTES - 1));
        return Answer.of(200, head, slice, ByteBuffer.wrap(PAGE_END));
    }

    private static byte[] recordBytes() {
        StringBuilder all = new StringBuilder(RECORDS * RECORD_BYTES);
        for (int i = 0; i < RECORDS; i++) {
            all.append('"').append(String.format(Locale.ROOT, "%016x%016x", 0x5eed_0000_0000L + i, (long) i * 0x9E3779B97F4A7C15L))
                    .append("\",");
        }
        return utf8(all.toString());
    }

    /** Two roles as Falcon describes them, with the envelope around them: about 1 KB, like the real answer. */
    private static String rolesEnvelope() {
        String admin = "{\"id\":\"falcon_admin\",\"display_name\":\"Falcon Administrator\",\"description\":\"Manages all "
                + "aspects of Falcon, including users, roles, hosts, policies and detections. Can create and delete API "
                + "clients.\",\"is_global\":true,\"cid\":\"5a4d3c2b1e0f4a9b8c7d6e5f4a3b2c1d\"}";
        String guest = "{\"id\":\"falcon_console_guest\",\"display_name\":\"Falcon Console Guest\",\"description\":"
                + "\"Read-only access to the Falcon console: dashboards, detections, hosts and reports. Cannot change any "
                + "setting.\",\"is_global\":true,\"cid\":\"5a4d3c2b1e0f4a9b8c7d6e5f4a3b2c1d\"}";
        return envelope("[" + admin + "," + guest + "]", "", "[]");
    }

    private static String envelope(String resources, String extraMeta, String errors) {
        return "{\"meta\":{\"query_time\":0.004512387,\"powered_by\":\"customer-api\",\"trace_id\":"
                + "\"3f4e2b1a-9c8d-4e7f-a6b5-c4d3e2f1a0b9\"" + extraMeta + "},\"resources\":" + resources
                + ",\"errors\":" + errors + "}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
