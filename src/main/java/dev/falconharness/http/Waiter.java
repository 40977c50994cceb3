package dev.falconharness.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Completes futures after a delay, by sleeping through a {@link Sleeper} on an executor thread, so
 * tests that fake the sleeper fake the waits of asynchronous calls too. Thread-safe.
 */
public final class Waiter {
    private final Sleeper sleeper;
    private final Executor executor;

    public Waiter(Sleeper sleeper, Executor executor) {
        this.sleeper = sleeper;
        this.executor = executor;
    }

    /** A future completed after {@code delay}; already completed when there is nothing to wait for. */
    public CompletableFuture<Void> after(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new InterruptedIOException("interrupted while waiting " + delay.toMillis() + " ms"));
            }
        }, executor);
    }

    /** The executor blocking work (a token request) runs on. */
    public Executor executor() {
        return executor;
    }
}
