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
        Bench.verdict(mib(found, "withTemplatesGraph") < 8, "registry memory: %.2f MiB with every template compiled (target: under 8 MiB)",
                mib(found, "withTemplatesGraph"));
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        for (String arg : Jmh.jvmArgs()) {
            if (arg.startsWith("-Dbench.")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), probe.getName()));
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
