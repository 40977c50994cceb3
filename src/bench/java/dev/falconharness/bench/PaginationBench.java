package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every one of {@value Routes#RECORDS} records of {@code QueryDevicesByFilterScroll}, page by page, from
 * the local server: {@code harness} through {@code paginate(...).stream()}, {@code raw} through a
 * hand-written loop that follows {@code meta.pagination.offset}. One operation is the whole walk; records
 * per second is 100,000 divided by its time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PaginationBench {
    static final String OPERATION = "QueryDevicesByFilterScroll";

    @Param({"500"})
    public int pageSize;

    private Loopback loopback;
    private Harness harness;
    private RawClient raw;

    @Setup
    public void start() {
        loopback = Loopback.start();
        harness = loopback.harness();
        raw = loopback.raw();
        long records = harness.paginate(OPERATION, Map.of()).pageSize(pageSize).stream().count();
        if (records != Routes.RECORDS) {
            throw new IllegalStateException("paginate delivered " + records + " records, not " + Routes.RECORDS);
        }
    }

    @TearDown
    public void stop() {
        loopback.close();
    }

    @Benchmark
    public long harness(Blackhole sink) {
        return walkHarness(harness, pageSize, sink::consume);
    }

    @Benchmark
    public long raw(Blackhole sink) {
        return walkRaw(raw, pageSize, sink::consume);
    }

    /** Every record through {@code paginate(...).stream()}; returns how many. */
    static long walkHarness(Harness harness, int pageSize, Consumer<JsonNode> sink) {
        long[] count = new long[1];
        harness.paginate(OPERATION, Map.of()).pageSize(pageSize).stream().forEach(record -> {
            sink.accept(record);
            count[0]++;
        });
        return count[0];
    }

    /** Every record the way one would page by hand: follow {@code meta.pagination.offset} until it is empty. */
    static long walkRaw(RawClient raw, int pageSize, Consumer<JsonNode> sink) {
        long count = 0;
        String offset = null;
        while (true) {
            JsonNode page = raw.scrollPage(offset, pageSize);
            for (JsonNode record : page.path("resources")) {
                sink.accept(record);
                count++;
            }
            String next = page.path("meta").path("pagination").path("offset").asText("");
            if (next.isEmpty() || page.path("resources").isEmpty()) {
                return count;
            }
            offset = next;
        }
    }
}
