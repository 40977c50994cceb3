package dev.falconharness.engine;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array, refusing to hold more than a cap: an answer that declares a
 * larger {@code Content-Length} fails before a byte is read, one that keeps coming fails as soon as it
 * passes the cap, and the exchange is cancelled either way. Each buffer is copied into one growing array
 * as it comes (the JDK's buffers are let go at once, however small the server's chunks), so memory stays
 * below twice the cap whatever the server sends. One per response; the JDK client calls it from its own
 * threads, one at a time.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] bytes;
    private Flow.Subscription subscription;
    private int size;

    private CappedBody(long cap, long declared) {
        this.cap = cap;
        // A declared length sizes the array, but only up to a MiB: a server could declare much and send little.
        long start = declared < 0 || declared > cap ? Math.min(8192, cap) : Math.min(declared, 1 << 20);
        this.bytes = new byte[(int) start];
    }

    /** A handler that buffers up to {@code cap} bytes of any answer. */
    static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long cap) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        CappedBody body = new CappedBody(cap, declared);
        if (declared > cap) {
            body.result.completeExceptionally(tooLarge(cap, "declares " + declared + " bytes"));
        }
        return body;
    }

    private static BodyTooLargeException tooLarge(long cap, String what) {
        return new BodyTooLargeException("the answer " + what + ", more than the " + describe(cap)
                + " the harness holds in memory", cap);
    }

    /** A byte count as people read it: 64 MiB, 512 KiB, 100 bytes. */
    static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (size + (long) n > cap) {
                bytes = null;
                subscription.cancel();
                result.completeExceptionally(tooLarge(cap, "is larger"));
                return;
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(size + (long) n, 2L * bytes.length)));
            }
            buffer.get(bytes, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable failure) {
        bytes = null;
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) {
            result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        }
    }
}
