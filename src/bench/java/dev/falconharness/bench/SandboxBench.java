package dev.falconharness.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code sandbox} group: the sandbox's start with a 50,000-host fleet, cold (a fresh JVM per start,
 * {@link SandboxStart}, timed from outside, alternating with the default fleet) and warm, and calls per
 * second of {@code GetDeviceDetailsV2} and FQL queries over the fleet ({@link SandboxProbe}), all in one
 * run.
 */
final class SandboxBench {
    /** The budget for a sandbox with 50,000 hosts. */
    private static final double START_BUDGET_MILLIS = 2000;

    private final boolean quick;

    SandboxBench(boolean quick) {
        this.quick = quick;
    }

    void run() {
        System.out.println();
        System.out.println("The sandbox fleet: start with " + String.format(Locale.ROOT, "%,d", SandboxProbe.HOSTS)
                + " hosts (target: under 2 s), calls per second through sandbox.harness() over loopback");
        cold(quick ? 5 : 11);
        Map<String, String> found = Probes.run(SandboxProbe.class, List.of(Jmh.jvmArgs()), quick ? "5" : "11",
                quick ? "6" : "15");
        double warm = number(found, "warmStart");
        System.out.printf(Locale.ROOT, "  warm, in one JVM: build() %s ms; with the default fleet %s ms%n",
                spread(found, "warmStart", 0), spread(found, "warmStartDefault", 0));
        Bench.verdict(warm < START_BUDGET_MILLIS, "sandbox start, warm: %.0f ms with %,d hosts (target: under 2 s)",
                warm, SandboxProbe.HOSTS);
        System.out.printf(Locale.ROOT, "  GetDeviceDetailsV2, 100 ids: %s calls/s one at a time, %s calls/s with %d in flight%n",
                spread(found, "details", 1), spread(found, "detailsInFlight", 1), SandboxProbe.IN_FLIGHT);
        SandboxProbe.QUERIES.forEach((name, params) -> System.out.printf(Locale.ROOT,
                "  QueryDevicesByFilter %s (%s hosts match): %s calls/s%n", describe(params), found.get(name + "Total"),
                spread(found, name, 1)));
    }

    /** Fresh JVMs, one start each, the 50,000-host fleet and the default one alternating. */
    private void cold(int runs) {
        List<Double> big = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        List<Double> bigBuild = new ArrayList<>();
        time(String.valueOf(SandboxProbe.HOSTS), null); // the first start after building the jar reads it cold from disk
        for (int i = 0; i < runs; i++) {
            boolean bigFirst = i % 2 == 0;
            if (!bigFirst) {
                small.add(time("default", null));
            }
            big.add(time(String.valueOf(SandboxProbe.HOSTS), bigBuild));
            if (bigFirst) {
                small.add(time("default", null));
            }
        }
        System.out.printf(Locale.ROOT, "  cold, a fresh JVM per start (java -cp benchmarks.jar %s, %d runs each):%n",
                SandboxStart.class.getSimpleName(), runs);
        System.out.printf(Locale.ROOT, "    %,d hosts: process start to exit %s; build() inside it %s%n",
                SandboxProbe.HOSTS, ColdCli.describe(big), ColdCli.describe(bigBuild));
        System.out.printf(Locale.ROOT, "    default fleet: process start to exit %s%n", ColdCli.describe(small));
        double median = Paired.quantile(big.stream().sorted().toList(), 0.5);
        Bench.verdict(median < START_BUDGET_MILLIS, "sandbox start, cold: %.0f ms median from process start to exit with"
                + " %,d hosts, %.0f ms with the default fleet (target: under 2 s)", median, SandboxProbe.HOSTS,
                Paired.quantile(small.stream().sorted().toList(), 0.5));
    }

    /** One fresh JVM, start to exit, in ms; adds the build time it printed to {@code builds} if given. */
    private static double time(String hosts, List<Double> builds) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxStart.class.getName(), hosts);
        ColdCli.Run run = ColdCli.run(command, Map.of());
        if (run.exit() != 0 || !run.stdout().startsWith("buildMillis=")) {
            throw new IllegalStateException("the sandbox start with " + hosts + " hosts exited " + run.exit() + ": "
                    + run.stdout() + run.stderr());
        }
        if (builds != null) {
            builds.add(Double.parseDouble(run.stdout().strip().substring("buildMillis=".length())));
        }
        return run.millis();
    }

    /** "filter=…, sort=…" in that order. */
    private static String describe(Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("filter", "sort")) {
            if (params.containsKey(name)) {
                parts.add(name + "=" + params.get(name));
            }
        }
        return String.join(", ", parts);
    }

    private static double number(Map<String, String> found, String key) {
        return Double.parseDouble(found.get(key));
    }

    /** "median (quartiles low–high)". */
    private static String spread(Map<String, String> found, String key, int decimals) {
        String format = "%,." + decimals + "f (quartiles %,." + decimals + "f–%,." + decimals + "f)";
        return String.format(Locale.ROOT, format, number(found, key), number(found, key + "Low"), number(found, key + "High"));
    }
}
