package dev.falconharness.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The last stage: sends the request with {@code java.net.http} and reads the whole response. The only
 * class in the project that uses the JDK client. Thread-safe; share one per harness.
 */
public final class Transport implements Stage {
    private final HttpClient client;
    private final Duration defaultTimeout;

    /**
     * @param client         the shared, pooled client
     * @param defaultTimeout the time a request may take when it names none
     */
    public Transport(HttpClient client, Duration defaultTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        return send(chain.request());
    }

    /** Sends {@code request}; an interrupt becomes an {@link InterruptedIOException} with the flag kept. */
    public RawResponse send(PreparedRequest request) throws IOException {
        HttpRequest httpRequest = toHttpRequest(request);
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new RawResponse(request, response.statusCode(), Headers.of(response.headers().map()),
                    response.body(), elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the response");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private HttpRequest toHttpRequest(PreparedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout() != null ? request.timeout() : defaultTimeout)
                .method(request.method(), publisher(request.body()));
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            builder.header(headers.name(i), headers.value(i));
        }
        if (request.body() != null && !headers.contains("Content-Type")) {
            builder.header("Content-Type", request.body().contentType());
        }
        return builder.build();
    }

    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body instanceof RequestBody.Bytes bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes.bytes());
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return body.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long length = body.contentLength();
        // A known length lets the server see Content-Length instead of a chunked upload.
        return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
    }
}
