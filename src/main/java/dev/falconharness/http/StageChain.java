package dev.falconharness.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs a request through a list of stages; the last stage must answer without proceeding (the
 * transport). A chain is a list and an index, made anew for each step, so it is cheap and
 * thread-confined.
 */
public final class StageChain implements Stage.Chain {
    private final List<Stage> stages;
    private final int index;
    private final PreparedRequest request;

    private StageChain(List<Stage> stages, int index, PreparedRequest request) {
        this.stages = stages;
        this.index = index;
        this.request = request;
    }

    /** Sends {@code request} through {@code stages}, first stage first. */
    public static CompletableFuture<RawResponse> run(List<Stage> stages, PreparedRequest request) {
        return new StageChain(stages, 0, request).proceed(request);
    }

    /**
     * Sends and waits. Network failures are thrown as the {@link IOException} they are; other failures
     * (an authentication error, say) as they are.
     */
    public static RawResponse send(List<Stage> stages, PreparedRequest request) throws IOException {
        CompletableFuture<RawResponse> future = run(stages, request);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.method() + " " + request.redactedUrl());
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** The failure inside {@link CompletionException} and {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static IOException rethrow(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    @Override
    public PreparedRequest request() {
        return request;
    }

    @Override
    public CompletableFuture<RawResponse> proceed(PreparedRequest next) {
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage must send the request, not proceed");
        }
        try {
            return stages.get(index).intercept(new StageChain(stages, index + 1, next));
        } catch (RuntimeException e) {
            // A stage that throws instead of failing its future still fails only this call.
            return CompletableFuture.failedFuture(e);
        }
    }
}
