package dev.falconharness.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark runner: runs every JMH benchmark of this package and the heap probes, and prints the
 * numbers next to their targets, with the ratios the targets are about.
 *
 * <pre>
 * mvn -B -q -Pbench package &amp;&amp; java -jar target/bench/benchmarks.jar            # everything, ~7 min
 * java -jar target/bench/benchmarks.jar quick                                    # shorter, ~2 min
 * java -jar target/bench/benchmarks.jar e2e async                                # some groups only
 * java -Dbench.url=http://127.0.0.1:8089 -jar target/bench/benchmarks.jar e2e    # another loopback server
 * java -Dbench.server=jdk -jar target/bench/benchmarks.jar e2e                   # the JDK's HttpServer
 * </pre>
 *
 * <p>Groups: {@code build}, {@code e2e}, {@code async}, {@code load}, {@code paging}, {@code memory},
 * {@code cli} (the cold command line, run from the project root so that {@code bin/falcon} is found),
 * {@code sandbox} (the sandbox's start with 50,000 hosts and calls per second over its fleet).
 * Harness against raw client: JMH gives each side's absolute numbers, in forks run one after the other;
 * the verdict goes by {@link Paired}, which interleaves blocks of both in one JVM so that load from
 * elsewhere on a shared machine hits both sides alike.
 */
public final class Bench {
    private static final List<String> GROUPS = List.of("build", "e2e", "async", "load", "paging", "memory", "cli",
            "sandbox");
    /** Every verdict line, repeated together at the end. */
    private static final List<String> VERDICTS = new ArrayList<>();

    private final boolean quick;
    private final Jmh jmh;
    private final Jmh longJmh;
    private final double pairedSeconds;
    private final double pagingPairedSeconds;

    private Bench(boolean quick) {
        this.quick = quick;
        this.jmh = quick ? new Jmh(3, 3, 0.5) : new Jmh(4, 5, 1);
        this.longJmh = quick ? new Jmh(2, 3, 1) : new Jmh(2, 4, 2);
        this.pairedSeconds = quick ? 15 : 45;
        this.pagingPairedSeconds = quick ? 12 : 30;
    }

    public static void main(String[] args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean quick = words.remove("quick");
        Set<String> chosen = Set.copyOf(words.isEmpty() ? GROUPS : words);
        for (String group : chosen) {
            if (!GROUPS.contains(group)) {
                System.err.println("unknown group \"" + group + "\"; use quick and any of " + GROUPS);
                System.exit(2);
            }
        }
        Bench bench = new Bench(quick);
        System.out.printf(Locale.ROOT, "falcon-harness benchmarks (%s run) on %d cores, Java %s, against the %s%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), Runtime.version(), Target.describe());
        long start = System.nanoTime();
        for (String group : GROUPS) {
            if (chosen.contains(group)) {
                bench.run(group);
            }
        }
        System.out.printf(Locale.ROOT, "%nSummary (%.0f s)%n", (System.nanoTime() - start) / 1e9);
        VERDICTS.forEach(System.out::println);
    }

    private void run(String group) {
        switch (group) {
            case "build" -> building();
            case "e2e" -> endToEnd();
            case "async" -> concurrent();
            case "load" -> manifestLoad();
            case "paging" -> pagination();
            case "memory" -> {
                new Probes().registry();
                new Probes().firstUse(quick ? 5 : 11);
            }
            case "cli" -> coldCommandLine();
            case "sandbox" -> new SandboxBench(quick).run();
            default -> throw new IllegalArgumentException(group);
        }
    }

    private void building() {
        heading("Request building: GetRoles with two ids, no network (target: under 5 µs)");
        List<Integer> sizes = quick ? List.of(Manifests.FALCON_SIZE) : List.of(1, Manifests.FALCON_SIZE, 4 * Manifests.FALCON_SIZE);
        List<Jmh.Score> scores = new ArrayList<>();
        for (int size : sizes) {
            Jmh.Score score = jmh.run(RequestBuildingBench.class, "prepare", true, "operations", String.valueOf(size));
            line("RequestFactory.prepare, %,d-operation manifest", size, score);
            scores.add(score);
        }
        Jmh.Score harness = jmh.run(RequestBuildingBench.class, "harnessPrepare", true, "operations",
                String.valueOf(Manifests.FALCON_SIZE));
        line("Harness.prepare (+ base URL, default headers), %,d operations", Manifests.FALCON_SIZE, harness);
        verdict(harness.mean() < 5_000, "request building: Harness.prepare %.2f µs (target: under 5 µs)", harness.mean() / 1000);
        bodyValidation();
        if (scores.size() > 1) {
            double growth = scores.get(scores.size() - 1).mean() / scores.get(0).mean();
            // A scan of the operation list would make the 6,032-operation manifest thousands of times slower.
            verdict(growth < 1.5, "no scans: prepare with 6,032 operations takes %.2f× the time with 1", growth);
        }
    }

    /**
     * {@code prepare} of a typical body checked and not checked: JMH's numbers from separate forks, then
     * the verdict from {@link BodyCheckProbe}'s interleaved blocks in one JVM, timed in CPU.
     */
    private void bodyValidation() {
        heading("Checking a typical body against its schema: prepare with BodyValidation.REFUSE minus OFF (target: under 5 µs added)");
        for (String method : List.of("createUser", "performActionV2")) {
            line("JMH: " + method + ", checked", 0, jmh.run(BodyValidationBench.class, method, true, "mode", "REFUSE"));
            line("JMH: " + method + ", not checked", 0, jmh.run(BodyValidationBench.class, method, true, "mode", "OFF"));
        }
        Map<String, String> found = Probes.run(BodyCheckProbe.class, List.of(Jmh.jvmArgs()), quick ? "11" : "31");
        double worst = 0;
        for (String method : List.of("createUser", "performActionV2")) {
            double added = Double.parseDouble(found.get(method + ".addedMicros"));
            System.out.printf(Locale.ROOT, "  interleaved, CPU time: %s adds %.2f µs (quartiles %.2f to %.2f) to an unchecked prepare of %.2f µs%n",
                    method, added, Double.parseDouble(found.get(method + ".addedLow")),
                    Double.parseDouble(found.get(method + ".addedHigh")), Double.parseDouble(found.get(method + ".uncheckedMicros")));
            worst = Math.max(worst, added);
        }
        verdict(worst < 5, "body check: adds at most %.2f µs to prepare (CreateUser, PerformActionV2; target: under 5 µs)", worst);
    }

    private void endToEnd() {
        heading("End to end, sequential, loopback: command(\"GetRoles\") + JSON decode"
                + " vs hand-written java.net.http (target: ≤ 1.05×)");
        absolute(EndToEndBench.class);
        double ratio = paired("sequential", pairedSeconds, "command/raw time", "µs per call");
        verdict(ratio <= 1.05, "sequential: command/raw time = %.3f× (target: at most 1.05×)", ratio);
    }

    private void concurrent() {
        heading("64 calls in flight: commandAsync + JSON decode vs the raw client's sendAsync (target: ≥ 0.9× throughput)");
        absolute(ConcurrentBench.class);
        double ratio = paired("concurrent", pairedSeconds, "command/raw throughput", "µs of wall time per call");
        verdict(ratio >= 0.9, "64 in flight: command/raw throughput = %.3f× (target: at least 0.9×)", ratio);
    }

    /** JMH's absolute numbers for both sides, each in its own fork. */
    private void absolute(Class<?> benchmark) {
        Jmh.Score raw = jmh.run(benchmark, "raw", true);
        Jmh.Score command = jmh.run(benchmark, "command", true);
        line("JMH: raw", 0, raw);
        line("JMH: command", 0, command);
        Jmh.Ratio ratio = command.over(raw);
        System.out.printf(Locale.ROOT, "    JMH command/raw = %.3f× ± %.3f (separate forks, one after the other)%n",
                ratio.value(), ratio.error());
    }

    /** The interleaved A/B run of {@link Paired}: the ratio the verdict goes by. */
    private double paired(String kind, double seconds, String what, String unit, String... extra) {
        List<String> args = new ArrayList<>(List.of(kind, String.valueOf(seconds)));
        args.addAll(List.of(extra));
        Map<String, String> found = Probes.run(Paired.class, List.of(Jmh.jvmArgs()), args.toArray(new String[0]));
        System.out.printf(Locale.ROOT, "  interleaved, %s pairs: raw %s, harness %s %s; CPU: raw %s µs, harness %s µs%n",
                found.get("pairs"), found.get("rawMicros"), found.get("commandMicros"), unit, found.get("rawCpuMicros"),
                found.get("commandCpuMicros"));
        double ratio = Double.parseDouble(found.get("ratio"));
        System.out.printf(Locale.ROOT, "    %s = %.3f× (median of the pairs; quartiles %s to %s)%n", what, ratio,
                found.get("ratioLow"), found.get("ratioHigh"));
        return ratio;
    }

    private void manifestLoad() {
        heading("Loading the manifest from memory, warm (target: under 20 ms for the built-in 1,508 operations)");
        List<Integer> sizes = quick ? List.of(Manifests.FALCON_SIZE)
                : List.of(344, 687, Manifests.FALCON_SIZE, 2 * Manifests.FALCON_SIZE, 4 * Manifests.FALCON_SIZE);
        Jmh.Score builtIn = null;
        for (int size : sizes) {
            Jmh.Score score = jmh.run(ManifestLoadBench.class, "load", true, "operations", String.valueOf(size));
            line("%,d-operation manifest", size, score);
            System.out.printf(Locale.ROOT, "    = %.1f µs per operation%n", score.mean() * 1000 / size);
            if (size == Manifests.FALCON_SIZE) {
                builtIn = score;
            }
        }
        verdict(builtIn.mean() < 20, "manifest load: %.1f ms warm for 1,508 operations (target: under 20 ms)", builtIn.mean());
    }

    private void coldCommandLine() {
        heading("The command line, cold: process start to printed response, bin/falcon GetRoles against the loopback"
                + " server (target: under 0.3 s)");
        ColdCli.Result result = ColdCli.run(quick ? 15 : 40);
        if (result == null) {
            System.out.println("  skipped: no executable bin/falcon here; run from the project root or set -Dbench.launcher=PATH");
            return;
        }
        System.out.printf(Locale.ROOT, "  bin/falcon -q GetRoles ids=…   %s%n", ColdCli.describe(result.call()));
        System.out.printf(Locale.ROOT, "  java -version (the JVM's floor) %s%n", ColdCli.describe(result.floor()));
        double mean = ColdCli.mean(result.call());
        verdict(mean < 300, "cold command line: %.0f ms from process start to printed response, of which the JVM's"
                + " own start is %.0f ms (target: under 300 ms)", mean, ColdCli.mean(result.floor()));
    }

    private void pagination() {
        heading("Paging through " + String.format(Locale.ROOT, "%,d", Routes.RECORDS)
                + " records (QueryDevicesByFilterScroll, scroll tokens): paginate().stream() vs a hand-written loop");
        List<Integer> sizes = quick ? List.of(500) : List.of(100, 500, 5000);
        for (int size : sizes) {
            int pages = (Routes.RECORDS + size - 1) / size;
            Jmh.Score raw = longJmh.run(PaginationBench.class, "raw", true, "pageSize", String.valueOf(size));
            Jmh.Score harness = longJmh.run(PaginationBench.class, "harness", true, "pageSize", String.valueOf(size));
            line("JMH: page size %,d (" + pages + " pages), raw", size, raw);
            line("JMH: page size %,d (" + pages + " pages), paginate", size, harness);
            System.out.printf(Locale.ROOT, "    paginate: %,.0f records/s (JMH mean), %.0f µs per page%n",
                    Routes.RECORDS / (harness.mean() / 1000), harness.mean() * 1000 / pages);
            paired("paging", pagingPairedSeconds, "paginate/raw time", "µs per page", String.valueOf(size));
        }
        new Probes().paging(sizes);
    }

    private static void heading(String text) {
        System.out.println();
        System.out.println(text);
    }

    private static void line(String label, int n, Jmh.Score score) {
        String what = String.format(Locale.ROOT, label, n);
        String bytes = Double.isNaN(score.bytesPerOp()) ? "" : String.format(Locale.ROOT, "   %,.0f B/op", score.bytesPerOp());
        System.out.printf(Locale.ROOT, "  %-66s %,12.3f ± %,.3f %s%s%n", what, score.mean(),
                Double.isNaN(score.error()) ? 0 : score.error(), score.unit(), bytes);
    }

    static void verdict(boolean met, String format, Object... args) {
        String line = String.format(Locale.ROOT, "  => %s: " + format, prepend(met ? "MET" : "MISSED", args));
        System.out.println(line);
        VERDICTS.add(line);
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
