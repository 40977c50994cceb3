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
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last stage: sends the request with {@code java.net.http} and reads the whole response. The only
 * class in the project that uses the JDK client. Thread-safe; share one per harness.
 *
 * <p>Two ways to send, with the same result: {@link #send} on the JDK's asynchronous path (for
 * {@code commandAsync}), and {@link #blocking()}, a stage that waits in {@link HttpClient#send} on the
 * calling thread (for {@code command}). The JDK's {@code sendAsync} always hands the finished answer to
 * another thread, and on a machine with two cores that is a new thread for every call; a caller that is
 * going to wait anyway saves that hand-off by sending synchronously.
 *
 * <p>The timeout covers the whole answer, body included (the JDK's own request timeout stops at the
 * headers, so a server that stalled mid-body could otherwise hold a call forever). {@link Deadlines}
 * keeps the time: at the deadline an asynchronous exchange is cancelled, and a thread waiting in
 * {@code HttpClient.send} is interrupted, which makes the JDK cancel the exchange; either way the call
 * fails with an {@link HttpTimeoutException}.
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

    /** This transport as a stage that sends on the calling thread and returns a completed future. */
    public Stage blocking() {
        return chain -> sendBlocking(chain.request());
    }

    /**
     * Sends {@code request} and reads the whole answer within the request's timeout, without blocking.
     * On timeout the exchange is cancelled and the future fails with an {@link HttpTimeoutException}.
     */
    public CompletableFuture<RawResponse> send(PreparedRequest request) {
        Exchange exchange;
        try {
            exchange = new Exchange(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(refused(request, e));
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(exchange.httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        CancelAtDeadline deadline = new CancelAtDeadline(future, exchange.deadline);
        Deadlines.watch(deadline);
        return future.handle((response, failure) -> {
            Deadlines.release(deadline);
            if (deadline.expired()) {
                throw new CompletionException(exchange.timedOut());
            }
            if (failure != null) {
                throw new CompletionException(StageChain.unwrap(failure));
            }
            return exchange.answer(response);
        });
    }

    private CompletableFuture<RawResponse> sendBlocking(PreparedRequest request) {
        Exchange exchange;
        try {
            exchange = new Exchange(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(refused(request, e));
        }
        InterruptAtDeadline deadline = new InterruptAtDeadline(Thread.currentThread(), exchange.deadline);
        Deadlines.watch(deadline);
        try {
            HttpResponse<byte[]> response = client.send(exchange.httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return deadline.finish() ? CompletableFuture.completedFuture(exchange.answer(response))
                    : CompletableFuture.failedFuture(exchange.timedOut());
        } catch (IOException e) {
            // HttpClient.send rethrows a copy of the failure, sometimes of a more general type (a plain
            // IOException for a NoRouteToHostException); the original is what sendAsync would report.
            IOException original = e.getCause() instanceof IOException cause ? cause : e;
            return CompletableFuture.failedFuture(deadline.finish() ? original : exchange.timedOut());
        } catch (InterruptedException e) {
            if (!deadline.finish()) {
                return CompletableFuture.failedFuture(exchange.timedOut());
            }
            // Someone else interrupted the caller: HttpClient.send has cancelled the exchange; keep the flag.
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new InterruptedIOException("interrupted while waiting for "
                    + request.method() + " " + request.redactedUrl()));
        }
    }

    /** The JDK refuses some header names (Host, Connection...): a caller mistake, not the network's. */
    private static IllegalArgumentException refused(PreparedRequest request, IllegalArgumentException e) {
        return new IllegalArgumentException("cannot send " + request.method() + " " + request.redactedUrl() + ": "
                + e.getMessage(), e);
    }

    /** One request on its way: the JDK request, its deadline, and how its answer is reported. */
    private final class Exchange {
        private final PreparedRequest request;
        private final Duration timeout;
        private final long start = System.nanoTime();
        private final long deadline;
        private final HttpRequest httpRequest;

        Exchange(PreparedRequest request) {
            this.request = request;
            this.timeout = request.timeout() != null ? request.timeout() : defaultTimeout;
            this.deadline = start + timeout.toNanos();
            this.httpRequest = toHttpRequest(request);
        }

        RawResponse answer(HttpResponse<byte[]> response) {
            return new RawResponse(request, response.statusCode(), Headers.of(response.headers().map()), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        }

        HttpTimeoutException timedOut() {
            return new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
        }
    }

    /** Cancels an asynchronous exchange at its deadline. */
    private static final class CancelAtDeadline implements Deadlines.Deadline {
        private final CompletableFuture<?> exchange;
        private final long deadline;
        private volatile boolean expired;

        CancelAtDeadline(CompletableFuture<?> exchange, long deadline) {
            this.exchange = exchange;
            this.deadline = deadline;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            if (!exchange.isDone()) {
                expired = true;
                exchange.cancel(true);
            }
        }

        boolean expired() {
            return expired;
        }
    }

    /**
     * Interrupts a thread waiting in {@code HttpClient.send} at its deadline. The state makes sure the
     * interrupt lands while the thread is still in the call, and that {@link #finish} clears it afterwards,
     * so no stray interrupt reaches the caller's code.
     */
    private static final class InterruptAtDeadline implements Deadlines.Deadline {
        private static final int RUNNING = 0;
        private static final int INTERRUPTING = 1;
        private static final int EXPIRED = 2;
        private static final int FINISHED = 3;

        private final Thread thread;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        InterruptAtDeadline(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            if (state.compareAndSet(RUNNING, INTERRUPTING)) {
                thread.interrupt();
                state.set(EXPIRED);
            }
        }

        /** True if the call ended in time; false if it expired, with the interrupt it caused cleared. */
        boolean finish() {
            Deadlines.release(this);
            if (state.compareAndSet(RUNNING, FINISHED)) {
                return true;
            }
            while (state.get() != EXPIRED) {
                // The watchdog is between deciding and interrupting: a few instructions.
                Thread.onSpinWait();
            }
            Thread.interrupted();
            return false;
        }
    }

    private static HttpRequest toHttpRequest(PreparedRequest request) {
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
