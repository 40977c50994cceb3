package dev.falconharness.bench;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import java.io.ByteArrayInputStream;
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
 * Loading and checking a manifest from bytes in memory (parse, every check, the ID index), warm. At the
 * built-in size, 1,508 operations, the target is under 20 ms. Other sizes show how it grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ManifestLoadBench {
    @Param({"1508"})
    public int operations;

    private byte[] document;

    @Setup
    public void read() {
        document = Manifests.document(operations);
    }

    @Benchmark
    public Manifest load() {
        return ManifestLoader.load(new ByteArrayInputStream(document), "bench.json");
    }
}
