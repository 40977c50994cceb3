package dev.falconharness.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An A/B measurement that stands up to a shared, noisy machine: blocks of raw calls and blocks of harness
 * calls alternate in one JVM (the order flips every pair), so a burst of load from elsewhere hits both
 * sides alike. Each pair gives one ratio; the median ratio and its quartiles are reported, with the
 * wall time and the process CPU time per call of each side. Run by {@link Bench} in a JVM of its own;
 * prints {@code key=value} lines.
 *
 * <p>{@code sequential}: one call at a time ({@code command} vs {@code RawClient.getRoles}).
 * {@code concurrent}: {@value ConcurrentBench#CALLS} calls per block, {@value ConcurrentBench#IN_FLIGHT}
 * in flight ({@code commandAsync} vs {@code sendAsync}); there the ratio is of throughputs.
 * {@code paging}: one walk over every record per block ({@code paginate} vs a hand-written loop).
 */
public final class Paired {
    private static final int SEQUENTIAL_BLOCK = 200;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One side's block of calls. */
    private interface Block {
        void run();
    }

    /** Wall and CPU nanoseconds of one block. */
    private record Timing(long wall, long cpu) {
    }

    /** {@code sequential|concurrent|paging <seconds> [pageSize]}. */
    public static void main(String[] args) {
        String kind = args[0];
        double seconds = Double.parseDouble(args[1]);
        try (Loopback loopback = Loopback.start()) {
            Harness harness = loopback.harness();
            RawClient raw = loopback.raw();
            Paired paired = new Paired();
            switch (kind) {
                case "sequential" -> paired.measure(() -> {
                    for (int i = 0; i < SEQUENTIAL_BLOCK; i++) {
                        raw.getRoles(Calls.IDS);
                    }
                }, () -> {
                    for (int i = 0; i < SEQUENTIAL_BLOCK; i++) {
                        harness.command(Calls.OPERATION, Calls.PARAMS).body();
                    }
                }, SEQUENTIAL_BLOCK, seconds, false);
                case "concurrent" -> paired.measure(() -> ConcurrentBench.window(() -> raw.getRolesAsync(Calls.IDS)),
                        () -> ConcurrentBench.window(() -> harness.commandAsync(Calls.OPERATION, Calls.PARAMS, null)
                                .thenApply(ApiResponse::body)), ConcurrentBench.CALLS, seconds, true);
                case "paging" -> {
                    int pageSize = Integer.parseInt(args[2]);
                    // One walk over every record is one block; "calls" are pages.
                    paired.measure(() -> PaginationBench.walkRaw(raw, pageSize, record -> { }),
                            () -> PaginationBench.walkHarness(harness, pageSize, record -> { }),
                            (Routes.RECORDS + pageSize - 1) / pageSize, seconds, false);
                }
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            }
        }
    }

    private void measure(Block raw, Block command, int calls, double seconds, boolean throughput) {
        // A third of the time warms both sides up (JIT, connection pools); it is not counted.
        pairs(raw, command, seconds / 3, null, null);
        List<Timing> raws = new ArrayList<>();
        List<Timing> commands = new ArrayList<>();
        pairs(raw, command, seconds * 2 / 3, raws, commands);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            double ratio = (double) commands.get(i).wall() / raws.get(i).wall();
            ratios.add(throughput ? 1 / ratio : ratio);
        }
        Collections.sort(ratios);
        print("pairs", ratios.size());
        print("ratio", quantile(ratios, 0.5));
        print("ratioLow", quantile(ratios, 0.25));
        print("ratioHigh", quantile(ratios, 0.75));
        print("rawMicros", medianWall(raws) / 1e3 / calls);
        print("commandMicros", medianWall(commands) / 1e3 / calls);
        print("rawCpuMicros", totalCpu(raws) / 1e3 / calls / raws.size());
        print("commandCpuMicros", totalCpu(commands) / 1e3 / calls / commands.size());
    }

    /** Runs pairs of blocks for {@code seconds}, flipping the order each pair; records them if asked. */
    private void pairs(Block raw, Block command, double seconds, List<Timing> raws, List<Timing> commands) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        boolean rawFirst = true;
        while (System.nanoTime() < end) {
            Timing first = time(rawFirst ? raw : command);
            Timing second = time(rawFirst ? command : raw);
            if (raws != null) {
                raws.add(rawFirst ? first : second);
                commands.add(rawFirst ? second : first);
            }
            rawFirst = !rawFirst;
        }
    }

    private Timing time(Block block) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        block.run();
        return new Timing(System.nanoTime() - start, os.getProcessCpuTime() - cpu);
    }

    private static double medianWall(List<Timing> timings) {
        List<Double> walls = new ArrayList<>();
        timings.forEach(t -> walls.add((double) t.wall()));
        Collections.sort(walls);
        return quantile(walls, 0.5);
    }

    private static double totalCpu(List<Timing> timings) {
        return timings.stream().mapToLong(Timing::cpu).sum();
    }

    /** The {@code q} quantile of sorted values, interpolated between neighbours; NaN for none. */
    static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        double index = q * (sorted.size() - 1);
        int low = (int) Math.floor(index);
        int high = (int) Math.ceil(index);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (index - low);
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value));
    }
}
