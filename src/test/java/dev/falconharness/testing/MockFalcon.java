package dev.falconharness.testing;

import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer that speaks enough Falcon for round-trip tests: tokens, envelopes, trace ids. */
public final class MockFalcon implements AutoCloseable {
    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "test-client-secret-Zq81vX";
    public static final String TOKEN = "test-access-token-Hk29sLw";

    private final MockWebServer server = new MockWebServer();

    public MockFalcon() {
        // An unexpected request (say, the token revocation on close) gets an immediate 599 instead of
        // blocking until the client times out.
        ((QueueDispatcher) server.getDispatcher()).setFailFast(new MockResponse().setResponseCode(599));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MockWebServer server() {
        return server;
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /**
     * A harness pointed at this server with client credentials, pinned to HTTP/1.1, without retries (the
     * fault suite turns them on) so each test sees exactly the answers it enqueued.
     */
    public Harness harness() {
        return builder().build();
    }

    public HarnessBuilder builder() {
        return Harness.builder()
                .baseUrl(baseUrl())
                .credentials(Credentials.of(CLIENT_ID, CLIENT_SECRET))
                .retryPolicy(RetryPolicy.NONE)
                .httpClient(http11());
    }

    public static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public MockFalcon enqueueToken() {
        return enqueueToken(TOKEN, 1799);
    }

    /** A token response; its {@code X-Cs-Region: us-2} must never move a harness off this server. */
    public MockFalcon enqueueToken(String token, int expiresIn) {
        server.enqueue(new MockResponse().setResponseCode(201)
                .setHeader("Content-Type", "application/json")
                .setHeader("X-Cs-Region", "us-2")
                .setBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
        return this;
    }

    /** A Falcon envelope with the given resources JSON array text. */
    public MockFalcon enqueueEnvelope(int status, String resourcesJson) {
        server.enqueue(new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("X-Cs-Traceid", "trace-" + status)
                .setBody("{\"meta\":{\"query_time\":0.01,\"trace_id\":\"trace-" + status + "\"},\"resources\":"
                        + resourcesJson + ",\"errors\":[]}"));
        return this;
    }

    public MockFalcon enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** The next request the server received; fails the test if none arrives within 5 seconds. */
    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the server received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Takes the token request (asserting it is one) and returns the call after it. */
    public RecordedRequest takeAfterToken() {
        RecordedRequest token = take();
        if (!"/oauth2/token".equals(token.getPath())) {
            throw new AssertionError("expected the token request first, got " + token.getRequestLine());
        }
        return take();
    }

    public int requestCount() {
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
