package dev.falconharness.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link MemoryProbe} and {@link Paired} in fresh JVMs and prints what they found.
 */
final class Probes {
    private static final double MIB = 1024.0 * 1024.0;
    /** The heap the paging probe gets: far less than 100,000 records held at once would need. */
    private static final String PAGING_HEAP = "-Xmx48m";
    /** The serial collector compacts everything on System.gc(): heap in use afterwards is what is live. */
    private static final String SERIAL = "-XX:+UseSerialGC";
    /** JOL reads field offsets of lambda classes this way on Java 17, and measures exactly with an agent. */
    private static final String JOL_OFFSETS = "-Djol.magicFieldOffset=true";
    private static final String JOL_ATTACH = "-Djdk.attach.allowAttachSelf=true";

    void registry() {
        System.out.println();
        System.out.println("Memory: heap the loaded registry retains (target: under 8 MiB)");
        Map<String, String> found = run(MemoryProbe.class, List.of("-Xmx256m", SERIAL, JOL_OFFSETS, JOL_ATTACH), "registry");
        double manifest = mib(found, "manifestGraph");
        System.out.printf(Locale.ROOT, "  manifest, %,d operations: %.2f MiB by object graph (JOL), %.2f MiB by heap after GC%n",
                Integer.parseInt(found.get("operations")), manifest, mib(found, "manifestHeap"));
        System.out.printf(Locale.ROOT, "  (its first load and check in a fresh JVM, class loading and reading it from the jar included, took %.0f ms)%n",
                Double.parseDouble(found.get("coldLoadMillis")));
        System.out.printf(Locale.ROOT, "  with every request template compiled: %.2f MiB by object graph, %.2f MiB by heap after GC%n",
                mib(found, "withTemplatesGraph"), mib(found, "withTemplatesHeap"));
        Map<String, String> builtIn = run(MemoryProbe.class, List.of("-Xmx256m", SERIAL, JOL_OFFSETS, JOL_ATTACH), "builtIn");
        System.out.printf(Locale.ROOT, "  the built-in manifest (Manifest.falcon(), read an operation at a time): first load in a fresh JVM"
                + " %.0f ms, first lookup %.2f ms; %.2f MiB indexed, %.2f MiB with every operation read%n",
                Double.parseDouble(builtIn.get("coldLoadMillis")), Double.parseDouble(builtIn.get("firstLookupMillis")),
                mib(builtIn, "indexedGraph"), mib(builtIn, "allReadGraph"));
        System.out.printf(Locale.ROOT, "  the built-in manifest with every operation read and all %s definitions compiled: %.2f MiB%n",
                builtIn.get("definitions"), mib(builtIn, "allCompiledGraph"));
        Bench.verdict(mib(builtIn, "allCompiledGraph") < 8, "built-in registry memory: %.2f MiB with every operation read and"
                + " every definition compiled (target: under 8 MiB)", mib(builtIn, "allCompiledGraph"));
        Bench.verdict(mib(found, "withTemplatesGraph") < 8, "registry memory: %.2f MiB with every template compiled (target: under 8 MiB)",
                mib(found, "withTemplatesGraph"));
    }

    /**
     * The built-in manifest's first use in fresh JVMs, the shipped document against an older one named by
     * {@code -Dbench.oldManifest=FILE} (put ahead of the jar on the class path), alternating so that load
     * from elsewhere hits both alike; the ratio of the medians.
     */
    void firstUse(int runs) {
        System.out.println();
        System.out.println("The built-in manifest's first use in a fresh JVM: Manifest.falcon() + prepare GetRoles"
                + " (target: at most 1.2× the previous manifest)");
        String old = System.getProperty("bench.oldManifest");
        if (old == null) {
            System.out.println("  skipped: name the previous falcon.json with -Dbench.oldManifest=FILE"
                    + " (git show 79acc3a:endpoints/falcon.json > /tmp/v1.json)");
            return;
        }
        Path prefix = oldManifestDirectory(Path.of(old));
        List<Double> now = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        String nowOps = null;
        String oldOps = null;
        for (int i = 0; i < runs; i++) {
            Map<String, String> a = run(MemoryProbe.class, List.of(SERIAL), (Path) null, "firstUse");
            Map<String, String> b = run(MemoryProbe.class, List.of(SERIAL), prefix, "firstUse");
            now.add(Double.parseDouble(a.get("firstUseMillis")));
            before.add(Double.parseDouble(b.get("firstUseMillis")));
            nowOps = a.get("operations");
            oldOps = b.get("operations");
        }
        double ratio = median(now) / median(before);
        System.out.printf(Locale.ROOT, "  shipped (%s operations): median %.0f ms of %s%n", nowOps, median(now), now);
        System.out.printf(Locale.ROOT, "  previous (%s operations): median %.0f ms of %s%n", oldOps, median(before), before);
        Bench.verdict(ratio <= 1.2, "built-in manifest first use: %.2f× the previous manifest's time, %.0f ms vs %.0f ms"
                + " (target: at most 1.2×)", ratio, median(now), median(before));
    }

    /** A directory holding {@code old} where the jar keeps {@code falcon.json}, to go first on the class path. */
    private static Path oldManifestDirectory(Path old) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("old-manifest");
            Path resource = dir.resolve("dev/falconharness/manifest/falcon.json");
            java.nio.file.Files.createDirectories(resource.getParent());
            java.nio.file.Files.copy(old, resource);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    void paging(List<Integer> pageSizes) {
        System.out.println();
        System.out.println("Memory while paging " + String.format(Locale.ROOT, "%,d", Routes.RECORDS) + " records in a JVM with "
                + PAGING_HEAP + " (live heap read by a full GC every 10,000 records)");
        double worstGrowth = 0;
        for (int size : pageSizes) {
            Map<String, String> found = run(MemoryProbe.class, List.of(PAGING_HEAP, SERIAL), "paging", String.valueOf(size), "stream");
            double growth = mib(found, "livePeak") - mib(found, "liveBefore");
            worstGrowth = Math.max(worstGrowth, growth);
            System.out.printf(Locale.ROOT, "  stream, page size %,d: %s records, live heap %.1f MiB before,"
                    + " at most %.1f MiB while paging (+%.2f MiB)%n",
                    size, found.get("records"), mib(found, "liveBefore"), mib(found, "livePeak"), growth);
        }
        Map<String, String> list = run(MemoryProbe.class, List.of("-Xmx512m", SERIAL), "paging", "500", "list");
        double held = mib(list, "livePeak") - mib(list, "liveBefore");
        System.out.printf(Locale.ROOT, "  for contrast, toList() of all %s records holds %.1f MiB%n", list.get("records"), held);
        // Bounded: the stream holds about one page at a time, far less than all the records.
        Bench.verdict(worstGrowth < held / 4, "paging memory: +%.2f MiB live at most while streaming 100,000 records (toList: %.1f MiB)",
                worstGrowth, held);
    }

    /** Runs {@code main} of {@code probe} in a new JVM and returns the {@code key=value} lines it printed. */
    static Map<String, String> run(Class<?> probe, List<String> jvmFlags, String... args) {
        return run(probe, jvmFlags, (Path) null, args);
    }

    /** As above, with {@code classPathPrefix} (if not null) ahead of this JVM's class path. */
    static Map<String, String> run(Class<?> probe, List<String> jvmFlags, Path classPathPrefix, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        for (String arg : Jmh.jvmArgs()) {
            if (arg.startsWith("-Dbench.")) {
                command.add(arg);
            }
        }
        String classPath = System.getProperty("java.class.path");
        if (classPathPrefix != null) {
            classPath = classPathPrefix + java.io.File.pathSeparator + classPath;
        }
        command.addAll(List.of("-cp", classPath, probe.getName()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the " + String.join(" ", args) + " probe failed:\n" + output);
            }
            Map<String, String> values = new HashMap<>();
            for (String line : output.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double mib(Map<String, String> values, String key) {
        return Double.parseDouble(values.get(key)) / MIB;
    }
}
