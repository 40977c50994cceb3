package dev.falconharness.engine;

import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RequestBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last stage: sends the request with {@code java.net.http} on the thread that runs the call
 * ({@link HttpClient#send}) and reads the response: whole and capped in memory, or into the call's
 * {@link BodySink} (a file; or, for a stream handed to the caller, only up to the headers). The only class
 * in the project that uses the JDK client. Thread-safe; share one per harness.
 *
 * <p>Each attempt may take the harness's per-request timeout, and never longer than what is left of the
 * call's deadline ({@link Call}). The time covers the whole answer, body included (the JDK's own request
 * timeout stops at the headers, so a server that stalled mid-body could otherwise hold a call forever).
 * {@link Deadlines} keeps the time: at the deadline the waiting thread is interrupted, which makes the JDK
 * cancel the exchange, and the attempt fails with an {@link HttpTimeoutException}.
 */
public final class Transport implements Stage {
    private final HttpClient client;
    private final Duration attemptTimeout;
    private final long maxBufferedBytes;

    /**
     * @param client           the shared, pooled client
     * @param attemptTimeout   the longest one attempt may take
     * @param maxBufferedBytes the largest body held in memory; a larger answer fails with a
     *                         {@link BodyTooLargeException} as soon as it passes this
     */
    public Transport(HttpClient client, Duration attemptTimeout, long maxBufferedBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        Duration remaining = chain.call().remaining();
        Duration timeout = remaining.compareTo(attemptTimeout) < 0 ? remaining : attemptTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new HttpTimeoutException("the call's time ran out before " + request.method() + " "
                    + request.redactedUrl() + " was sent");
        }
        return send(request, toHttpRequest(request), timeout, handler(request, chain.call().sink()));
    }

    /** Successful answers go to the call's sink when it has one; everything else is buffered, capped. */
    private HttpResponse.BodyHandler<byte[]> handler(PreparedRequest request, BodySink sink) {
        return info -> sink != null && info.statusCode() / 100 == 2 ? sink.subscriber(info, request)
                : CappedBody.of(info, maxBufferedBytes);
    }

    private RawResponse send(PreparedRequest request, HttpRequest httpRequest, Duration timeout,
            HttpResponse.BodyHandler<byte[]> handler) throws IOException {
        long start = System.nanoTime();
        InterruptAtDeadline deadline = new InterruptAtDeadline(Thread.currentThread(), start + timeout.toNanos());
        Deadlines.watch(deadline);
        try {
            HttpResponse<byte[]> response = client.send(httpRequest, handler);
            if (!deadline.finish()) {
                throw timedOut(timeout);
            }
            return new RawResponse(request, response.statusCode(), Headers.of(response.headers().map()), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            // HttpClient.send rethrows a copy of the failure, sometimes of a more general type (a plain
            // IOException for a NoRouteToHostException); the original says more.
            IOException original = e.getCause() instanceof IOException cause ? cause : e;
            if (deadline.finish() && isNoContentWithBody(original)) {
                return noContent(request, start);
            }
            throw deadline.finish() ? original : timedOut(timeout);
        } catch (InterruptedException e) {
            if (!deadline.finish()) {
                throw timedOut(timeout);
            }
            // Someone else interrupted the caller: HttpClient.send has cancelled the exchange; keep the flag.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.method() + " " + request.redactedUrl());
        } finally {
            // Whatever else the client threw (an Error, a SecurityException), the watch must end here: a
            // late interrupt would hit whatever this thread does next.
            deadline.finish();
        }
    }

    /**
     * The JDK client refuses a 204 that announces a body ({@code Content-Length} above zero or chunked)
     * with this message, before any header reaches us. The server did answer, and 204 means there is
     * nothing to read: that is an answer, not a network failure. JDK 17 to 25 word it the same way.
     */
    private static boolean isNoContentWithBody(IOException e) {
        String message = e.getMessage();
        return message != null && message.contains("with 204 response");
    }

    /** A 204 the JDK would not read: no body, and no headers, since the JDK drops them with the error. */
    private static RawResponse noContent(PreparedRequest request, long start) {
        return new RawResponse(request, 204, Headers.EMPTY, new byte[0], Duration.ofNanos(System.nanoTime() - start));
    }

    private static HttpTimeoutException timedOut(Duration timeout) {
        return new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
    }

    /** The JDK refuses some header names (Host, Connection...): a caller mistake, reported without values. */
    private static UnsendableHeaderException refused(PreparedRequest request, IllegalArgumentException e) {
        String why = e.getMessage() == null ? "" : e.getMessage();
        for (int i = 0; i < request.headers().size(); i++) {
            if (!request.headers().value(i).isEmpty() && why.contains(request.headers().value(i))) {
                why = "a header value is not allowed";
            }
        }
        return new UnsendableHeaderException("headers", "the JDK's HTTP client refused them (" + why
                + "); names such as Host, Connection and Content-Length are set by the client itself");
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
        /** Expired, and the interrupt it caused already cleared. */
        private static final int CLEARED = 4;

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

        /**
         * True if the call ended in time; false if it expired, with the interrupt it caused cleared. May be
         * called again: later calls give the same answer and change nothing.
         */
        boolean finish() {
            Deadlines.release(this);
            if (state.compareAndSet(RUNNING, FINISHED) || state.get() == FINISHED) {
                return true;
            }
            while (state.get() == INTERRUPTING) {
                // The watchdog is between deciding and interrupting: a few instructions.
                Thread.onSpinWait();
            }
            if (state.compareAndSet(EXPIRED, CLEARED)) {
                Thread.interrupted();
            }
            return false;
        }
    }

    /**
     * The JDK's request. Header values are checked first, every stage's included (an API key, a token):
     * the JDK's own error would echo a bad value, which may be a credential.
     */
    private static HttpRequest toHttpRequest(PreparedRequest request) throws UnsendableHeaderException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), publisher(request.body()));
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            String problem = Headers.valueProblem(headers.value(i));
            if (problem != null) {
                throw new UnsendableHeaderException(headers.name(i), problem);
            }
            try {
                builder.header(headers.name(i), headers.value(i));
            } catch (IllegalArgumentException e) {
                throw refused(request, e);
            }
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
