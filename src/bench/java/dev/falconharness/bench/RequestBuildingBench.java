package dev.falconharness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.Harness;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.request.RequestFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the {@code GetRoles} request with two ids, no network: operation lookup, validation of every
 * argument, percent-encoding, the target string. {@code prepare} is {@link RequestFactory#prepare};
 * {@code harnessPrepare} adds what {@link Harness#prepare} adds (base URL, default headers). Run over
 * manifests of 1, 1,508 and 6,032 operations: the time must not depend on the size (no scans).
 * Target: under 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBuildingBench {
    @Param({"1508"})
    public int operations;

    private RequestFactory factory;
    private Harness harness;

    @Setup
    public void load() {
        Manifest manifest = Manifests.ofSize(operations);
        factory = new RequestFactory(manifest, new ObjectMapper());
        // Port 9 (discard): nothing is ever sent, prepare() only needs a base URL.
        harness = Harness.builder().manifest(manifest).baseUrl("http://127.0.0.1:9").build();
    }

    @Benchmark
    public PreparedRequest prepare() {
        return factory.prepare(Calls.OPERATION, Calls.PARAMS, null);
    }

    @Benchmark
    public PreparedRequest harnessPrepare() {
        return harness.prepare(Calls.OPERATION, Calls.PARAMS, null);
    }
}
