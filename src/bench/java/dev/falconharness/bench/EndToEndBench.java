package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequential calls on loopback, one at a time: {@code command("GetRoles", ...)} with the JSON decoded,
 * against the hand-written {@link RawClient} sending the same request and decoding the same JSON.
 * Target: command at most 1.05 times raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EndToEndBench {
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
    public JsonNode raw() {
        return raw.getRoles(Calls.IDS);
    }

    @Benchmark
    public JsonNode command() {
        return harness.command(Calls.OPERATION, Calls.PARAMS).body();
    }
}
