package dev.falconharness.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Sends {@code request} and reads the whole answer within the request's timeout. The bound covers
     * the body too: a server that stalls mid-body cannot hold the call past it. An interrupt becomes an
     * {@link InterruptedIOException} with the thread's flag kept.
     */
    public RawResponse send(PreparedRequest request) throws IOException {
        HttpRequest httpRequest = toHttpRequest(request);
        Duration timeout = request.timeout() != null ? request.timeout() : defaultTimeout;
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new RawResponse(request, response.statusCode(), Headers.of(response.headers().map()),
                    response.body(), elapsed);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the response");
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The client's own failure, as the synchronous API would have thrown it. */
    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new IOException(cause);
    }

    private HttpRequest toHttpRequest(PreparedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
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
