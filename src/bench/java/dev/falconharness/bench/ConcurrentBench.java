package dev.falconharness.bench;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 64 calls in flight at all times: {@code commandAsync("GetRoles", ...)} with the JSON decoded, against
 * the raw client's {@code sendAsync}. One invocation runs {@value #CALLS} calls through a window of
 * {@value #IN_FLIGHT}; the score is calls per second. Target: command at least 0.9 times raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConcurrentBench {
    static final int IN_FLIGHT = 64;
    static final int CALLS = 1024;

    private Loopback loopback;
    private Harness harness;
    private RawClient raw;

    @Setup
    public void start() {
        loopback = Loopback.start();
        harness = loopback.harness();
        raw = loopback.raw();
    }

    @TearDown
    public void stop() {
        loopback.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void raw() {
        window(() -> raw.getRolesAsync(Calls.IDS));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void command() {
        window(() -> harness.commandAsync(Calls.OPERATION, Calls.PARAMS, null).thenApply(ApiResponse::body));
    }

    /** Starts {@link #CALLS} calls, never more than {@link #IN_FLIGHT} at once, and waits for the last. */
    static void window(Supplier<CompletableFuture<?>> call) {
        window(CALLS, IN_FLIGHT, call);
    }

    /** Starts {@code calls} calls, never more than {@code inFlight} at once, and waits for the last. */
    static void window(int calls, int inFlight, Supplier<CompletableFuture<?>> call) {
        Semaphore slots = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < calls; i++) {
            slots.acquireUninterruptibly();
            call.get().whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                slots.release();
            });
        }
        slots.acquireUninterruptibly(inFlight);
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed", failure.get());
        }
    }
}
