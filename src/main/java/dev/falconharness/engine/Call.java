package dev.falconharness.engine;

import dev.falconharness.http.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * What the stages of one call share: the moment the whole call must end by, where a downloaded body
 * goes, and the outcome of a token fetch an asynchronous call waited for before it was given a thread.
 * Made once per call and confined to the thread that runs it, except that an asynchronous call's token
 * failure is recorded by the thread that ends the fetch, before the call is handed to the executor
 * (which publishes it to the thread that runs the call).
 *
 * <p>The deadline covers the call as a whole: the token request, every attempt and every wait between
 * attempts. Each attempt may take the harness's per-request timeout, but never past the deadline.
 */
public final class Call {
    /** "Forever": 2^61 ns, about 73 years. */
    private static final long UNBOUNDED = Long.MAX_VALUE >> 2;

    private final long deadline;
    private Throwable tokenFailure;
    private BodySink sink;

    private Call(long deadline) {
        this.deadline = deadline;
    }

    /** Sends the body of a successful answer to {@code sink} instead of memory. */
    public Call withSink(BodySink sink) {
        this.sink = sink;
        return this;
    }

    /** Where a successful answer's body goes; null to buffer it (capped). */
    public BodySink sink() {
        return sink;
    }

    /** A call that must end within {@code budget} from now. */
    public static Call within(Duration budget) {
        // nanoTime values are compared by difference, which stays right across overflow as long as no
        // budget is near 2^63 ns; "forever" is capped well below that.
        long nanos = Math.min(saturatedNanos(budget), UNBOUNDED);
        return new Call(System.nanoTime() + nanos);
    }

    /** A call bounded only by the per-attempt timeout and the retry policy. */
    public static Call unbounded() {
        return within(Duration.ofNanos(Long.MAX_VALUE));
    }

    private static long saturatedNanos(Duration budget) {
        try {
            return budget.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The {@link System#nanoTime()} value by which the call must end. */
    public long deadline() {
        return deadline;
    }

    /** The time left before the deadline; zero or negative once it has passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /** Whether the call has a deadline of its own, rather than the near-infinite one of {@link #unbounded()}. */
    public boolean isBounded() {
        return deadline - System.nanoTime() < UNBOUNDED / 2;
    }

    /**
     * Runs {@code action} on the deadline watchdog's thread when the deadline passes, unless the returned
     * cancel runs first. For waits that hold no thread (an asynchronous call waiting for a token).
     */
    public Runnable onExpiry(Runnable action) {
        Deadlines.Deadline watch = new Deadlines.Deadline() {
            @Override
            public long deadline() {
                return deadline;
            }

            @Override
            public void expire() {
                action.run();
            }
        };
        Deadlines.watch(watch);
        return () -> Deadlines.release(watch);
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return deadline - System.nanoTime() <= 0;
    }

    /**
     * Records that the token fetch this call waited for (before it had a thread) failed: that fetch was
     * the call's first attempt at a token, so the first authentication step reports it instead of
     * fetching again. See {@link #takeTokenFailure()}.
     */
    public void tokenFailed(Throwable failure) {
        this.tokenFailure = failure;
    }

    /**
     * Sleeps through {@code sleeper}; an interrupt ends the wait as an {@link InterruptedIOException}
     * naming {@code why}, with the thread's interrupt flag kept. The stages' one way to wait.
     */
    public static void sleep(Sleeper sleeper, Duration wait, String why) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting " + wait.toMillis() + " ms " + why);
        }
    }

    /**
     * Throws {@code failure} as what it is: an {@link IOException}, a runtime exception or an error; any
     * other checked exception wrapped in an {@link IOException}. For failures handed across threads.
     */
    public static IOException rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }

    /** The failure recorded by {@link #tokenFailed}, once; null when there is none. */
    public Throwable takeTokenFailure() {
        Throwable failure = tokenFailure;
        tokenFailure = null;
        return failure;
    }
}
