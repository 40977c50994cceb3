package dev.falconharness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer that answers the token and revoke endpoints by itself and every other request from a
 * script of responses (a 200 envelope when the script is empty). The command line gets a token and
 * revokes it on each run, so a plain response queue would be consumed by those; the dispatcher keeps
 * the test about the call itself.
 */
final class FakeFalcon implements AutoCloseable {
    static final String CLIENT_ID = "cli-test-client";
    static final String CLIENT_SECRET = "cli-secret-Qx7v93Lm";
    static final String TOKEN = "cli-token-Zr42kPd8";

    private final MockWebServer server = new MockWebServer();
    private final Queue<MockResponse> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean refuseTokens;
    private volatile boolean endlessPages;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger revokes = new AtomicInteger();

    FakeFalcon() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        // From the request line: through a proxy it holds an absolute URL, which getPath() reduces to "/".
        String path = request.getRequestLine().split(" ")[1].replaceFirst("^https?://[^/]+", "");
        if (path.startsWith("/oauth2/token")) {
            tokenRequests.incrementAndGet();
            return refuseTokens
                    ? json(401, "{\"meta\":{\"trace_id\":\"trace-token\"},\"errors\":[{\"code\":401,\"message\":\"access denied, invalid bearer token\"}]}")
                    : json(201, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":1799}")
                            .setHeader("X-Cs-Region", "us-1");
        }
        if (path.startsWith("/oauth2/revoke")) {
            revokes.incrementAndGet();
            return json(200, "{\"meta\":{},\"resources\":[],\"errors\":[]}");
        }
        calls.add(request);
        if (endlessPages) {
            return endlessPage(request);
        }
        MockResponse next = script.poll();
        return next != null ? next : envelope(200, "[]");
    }

    /** The next call (not token or revoke) gets this response. */
    FakeFalcon enqueue(MockResponse response) {
        script.add(response);
        return this;
    }

    /**
     * Every call gets one page of a million-record listing, one record per page ({@code "u<offset>"}):
     * a client that does not stop by itself pages for hours.
     */
    FakeFalcon endlessPages() {
        endlessPages = true;
        return this;
    }

    private static MockResponse endlessPage(RecordedRequest request) {
        String given = request.getRequestUrl().queryParameter("offset");
        int offset = given == null ? 0 : Integer.parseInt(given);
        return json(200, "{\"meta\":{\"pagination\":{\"offset\":" + offset + ",\"limit\":1,\"total\":1000000}},"
                + "\"resources\":[\"u" + offset + "\"],\"errors\":[]}");
    }

    /** The number of token requests received. */
    int tokenRequests() {
        return tokenRequests.get();
    }

    /** The number of revoke requests received. */
    int revokes() {
        return revokes.get();
    }

    /** The token endpoint answers 401 from now on. */
    FakeFalcon refuseTokens() {
        refuseTokens = true;
        return this;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse envelope(int status, String resources) {
        return json(status, "{\"meta\":{\"query_time\":0.000123,\"trace_id\":\"trace-" + status + "\"},\"resources\":"
                + resources + ",\"errors\":[]}").setHeader("X-Cs-Traceid", "trace-" + status);
    }

    /** {@code host:port} of this server, for {@code --proxy}. */
    String hostAndPort() {
        return server.getHostName() + ":" + server.getPort();
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The variables that point the command line at this server with its credentials. */
    Map<String, String> env() {
        return Map.of("FALCON_CLIENT_ID", CLIENT_ID, "FALCON_CLIENT_SECRET", CLIENT_SECRET, "FALCON_BASE_URL", baseUrl());
    }

    /** The calls received, token and revoke requests left out. */
    List<RecordedRequest> calls() {
        return List.copyOf(calls);
    }

    /** The one call received; fails if there were none or several. */
    RecordedRequest onlyCall() {
        List<RecordedRequest> received = calls();
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + received.size() + ": " + received);
        }
        return received.get(0);
    }

    /** Every request received, token and revoke included. */
    int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
