package dev.falconharness.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    public CompletableFuture<RawResponse> intercept(Chain chain) {
        return send(chain.request());
    }

    /**
     * Sends {@code request} and reads the whole answer within the request's timeout. The bound covers
     * the body too: the JDK's own request timeout stops at the headers, so a server that stalled
     * mid-body could otherwise hold the call forever. On timeout the exchange is cancelled and the
     * future fails with an {@link HttpTimeoutException}.
     */
    public CompletableFuture<RawResponse> send(PreparedRequest request) {
        HttpRequest httpRequest;
        try {
            httpRequest = toHttpRequest(request);
        } catch (IllegalArgumentException e) {
            // The JDK refuses some header names (Host, Connection...): a caller mistake, not the network's.
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot send " + request.method() + " "
                    + request.redactedUrl() + ": " + e.getMessage(), e));
        }
        Duration timeout = request.timeout() != null ? request.timeout() : defaultTimeout;
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (!exchange.isDone() && timedOut.compareAndSet(false, true)) {
                exchange.cancel(true);
            }
        });
        return exchange.handle((response, failure) -> {
            if (timedOut.get()) {
                throw new CompletionException(new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms"));
            }
            if (failure != null) {
                throw new CompletionException(StageChain.unwrap(failure));
            }
            return new RawResponse(request, response.statusCode(), Headers.of(response.headers().map()), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        });
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
