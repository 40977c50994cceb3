package dev.falconharness.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array, refusing to hold more than a cap: an answer that declares a
 * larger {@code Content-Length} fails before a byte is read, one that keeps coming fails as soon as it
 * passes the cap, and the exchange is cancelled either way. Memory is bounded by the cap whatever the
 * server sends. One per response; the JDK client calls it from its own threads, one at a time.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    /** A handler that buffers up to {@code cap} bytes of any answer. */
    static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long cap) {
        CappedBody body = new CappedBody(cap);
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > cap) {
            body.result.completeExceptionally(tooLarge(cap, "declares " + declared + " bytes"));
        }
        return body;
    }

    private static ResponseTooLargeException tooLarge(long cap, String what) {
        return new ResponseTooLargeException("the answer " + what + ", more than the " + describe(cap)
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
            size += buffer.remaining();
            if (size > cap) {
                parts.clear();
                subscription.cancel();
                result.completeExceptionally(tooLarge(cap, "is larger"));
                return;
            }
            parts.add(buffer);
        }
    }

    @Override
    public void onError(Throwable failure) {
        parts.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (ByteBuffer part : parts) {
            int n = part.remaining();
            part.get(bytes, at, n);
            at += n;
        }
        parts.clear();
        result.complete(bytes);
    }
}
