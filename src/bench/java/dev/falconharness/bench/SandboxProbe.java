package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The sandbox fleet, warm, in one JVM: {@code FalconSandbox.builder().hosts(50_000).build()} repeated
 * (alternating with the default fleet, to show the fleet's share), then calls per second through
 * {@code sandbox.harness()} over loopback for {@code GetDeviceDetailsV2} with 100 IDs (one call at a time,
 * and {@value #IN_FLIGHT} in flight) and for {@code QueryDevicesByFilter} over all 50,000 hosts with a
 * selective filter, a wildcard filter and sorts. The kinds take turns in short blocks, so load from
 * elsewhere on a shared machine hits them alike; each kind's figure is the median of its blocks, with
 * quartiles. Run by {@link SandboxBench} in a JVM of its own; prints {@code key=value} lines.
 */
public final class SandboxProbe {
    static final int HOSTS = 50_000;
    static final int IN_FLIGHT = 4;
    /** The kinds measured, in the order they are printed; the filter and sort of each query. */
    static final Map<String, Map<String, Object>> QUERIES = queries();

    private final Harness harness;
    private final List<String> hundredIds;

    private SandboxProbe(Harness harness, List<String> hundredIds) {
        this.harness = harness;
        this.hundredIds = hundredIds;
    }

    private static Map<String, Map<String, Object>> queries() {
        Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
        queries.put("fqlSelective", Map.of("filter", "platform_name:'Linux'+last_seen:>'2026-10-15'"));
        queries.put("fqlWildcard", Map.of("filter", "hostname:*'*-mbp-*'"));
        queries.put("fqlSelectiveSorted", Map.of("filter", "platform_name:'Linux'+last_seen:>'2026-10-15'",
                "sort", "hostname.desc"));
        queries.put("fqlAllSorted", Map.of("sort", "last_seen.desc"));
        return queries;
    }

    /** {@code <starts> <seconds per kind>}. */
    public static void main(String[] args) {
        int starts = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        warmStarts(starts);
        try (FalconSandbox sandbox = FalconSandbox.builder().hosts(HOSTS).build();
             Harness harness = sandbox.harness()) {
            JsonNode page = harness.command("QueryDevicesByFilter", Map.of("limit", 100)).orThrow().body();
            List<String> ids = new ArrayList<>();
            page.path("resources").forEach(id -> ids.add(id.asText()));
            new SandboxProbe(harness, ids).callRates(seconds);
        }
    }

    /** Builds and closes the sandbox {@code starts} times each way, after two untimed rounds. */
    private static void warmStarts(int starts) {
        List<Double> big = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        for (int i = -2; i < starts; i++) {
            double a = timeStart(HOSTS);
            double b = timeStart(-1);
            if (i >= 0) {
                big.add(a);
                small.add(b);
            }
        }
        quartiles("warmStart", big);
        quartiles("warmStartDefault", small);
    }

    /** Milliseconds to build a sandbox of {@code hosts} (negative: the default fleet); closing is not timed. */
    private static double timeStart(int hosts) {
        long start = System.nanoTime();
        FalconSandbox.Builder builder = FalconSandbox.builder();
        FalconSandbox sandbox = (hosts < 0 ? builder : builder.hosts(hosts)).build();
        double millis = (System.nanoTime() - start) / 1e6;
        sandbox.close();
        return millis;
    }

    private void callRates(double seconds) {
        Map<String, Block> kinds = new LinkedHashMap<>();
        kinds.put("details", () -> details().join());
        kinds.put("detailsInFlight", this::detailsInFlight);
        QUERIES.forEach((name, params) -> {
            print(name + "Total", query(params).path("meta").path("pagination").path("total").asInt());
            kinds.put(name, () -> query(params));
        });
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        kinds.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        int rounds = Math.max(3, (int) Math.round(seconds / BLOCK_SECONDS));
        runRounds(kinds, 2, null); // warm-up: JIT and connections, not counted
        runRounds(kinds, rounds, rates);
        rates.forEach(SandboxProbe::quartiles);
    }

    private static final double BLOCK_SECONDS = 0.5;

    /** One kind's unit of work: a call, or a window of calls in flight. */
    private interface Block {
        void run();
    }

    private static void runRounds(Map<String, Block> kinds, int rounds, Map<String, List<Double>> rates) {
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Block> kind : kinds.entrySet()) {
                double rate = callsPerSecond(kind.getValue(), kind.getKey().endsWith("InFlight") ? CALLS_IN_WINDOW : 1);
                if (rates != null) {
                    rates.get(kind.getKey()).add(rate);
                }
            }
        }
    }

    /** Repeats {@code block} (of {@code calls} calls) for about {@link #BLOCK_SECONDS}; calls per second. */
    private static double callsPerSecond(Block block, int calls) {
        long start = System.nanoTime();
        long end = start + (long) (BLOCK_SECONDS * 1e9);
        long done = 0;
        do {
            block.run();
            done += calls;
        } while (System.nanoTime() < end);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static final int CALLS_IN_WINDOW = 32;

    private CompletableFuture<ApiResponse> details() {
        return harness.commandAsync("GetDeviceDetailsV2", Map.of("ids", hundredIds), null).thenApply(r -> {
            if (r.statusCode() != 200 || r.body().path("resources").size() != hundredIds.size()) {
                throw new IllegalStateException("GetDeviceDetailsV2 did not find the 100 hosts: " + r.text());
            }
            return r;
        });
    }

    private void detailsInFlight() {
        window(this::details);
    }

    private JsonNode query(Map<String, Object> params) {
        ApiResponse response = harness.command("QueryDevicesByFilter", params);
        if (response.statusCode() != 200 || response.body().path("resources").isEmpty()) {
            throw new IllegalStateException("QueryDevicesByFilter " + params + " found nothing: " + response.text());
        }
        return response.body();
    }

    /** {@link #CALLS_IN_WINDOW} calls, never more than {@link #IN_FLIGHT} at once; waits for the last. */
    private static void window(Supplier<CompletableFuture<?>> call) {
        ConcurrentBench.window(CALLS_IN_WINDOW, IN_FLIGHT, call);
    }

    private static void quartiles(String key, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        print(key, Paired.quantile(sorted, 0.5));
        print(key + "Low", Paired.quantile(sorted, 0.25));
        print(key + "High", Paired.quantile(sorted, 0.75));
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value));
    }
}
