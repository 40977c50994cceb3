package dev.falconharness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.Harness;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import dev.falconharness.manifest.Operation;
import dev.falconharness.request.RequestFactory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap measurements, each run by {@link Bench} in a JVM of its own (so nothing else lives in the heap),
 * printing {@code key=value} lines.
 *
 * <ul>
 *   <li>{@code registry}: the live heap the loaded built-in manifest retains, and with every operation's
 *       request template compiled; by heap-after-full-GC difference and by JOL's walk of the object graph.</li>
 *   <li>{@code builtIn}: the built-in manifest, which is indexed at load and reads each operation when
 *       first asked for: its first load and first lookup in a fresh JVM, and its heap before and after
 *       every operation has been read, and once every definition has been compiled too.</li>
 *   <li>{@code firstUse}: the built-in manifest's first use in a fresh JVM, from {@code main} to a prepared
 *       {@code GetRoles} request; {@link Probes} runs it with the shipped {@code falcon.json} and with an
 *       older one put ahead of it on the class path.</li>
 *   <li>{@code paging <pageSize> stream|list}: every record of the paged endpoint, with a full GC every
 *       {@value #SAMPLE_EVERY} records to read the live heap; {@code list} collects them all for contrast.</li>
 * </ul>
 */
public final class MemoryProbe {
    private static final int SAMPLE_EVERY = 10_000;

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "registry" -> registry();
            case "builtIn" -> builtIn();
            case "firstUse" -> firstUse();
            case "paging" -> paging(Integer.parseInt(args[1]), args[2].equals("list"));
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
    }

    private static void registry() {
        // A first load outside the measurement: classes, Jackson's caches, interned constants. Its time
        // (reading the document from the jar included, as for the built-in one) is what a one-shot
        // process would pay to check every operation.
        long coldStart = System.nanoTime();
        byte[] document = Manifests.falconBytes();
        ManifestLoader.load(new ByteArrayInputStream(document), "warm-up");
        print("coldLoadMillis", (System.nanoTime() - coldStart) / 1e6);
        long before = liveHeap();
        Manifest manifest = ManifestLoader.load(new ByteArrayInputStream(document), "falcon.json");
        long loaded = liveHeap();
        ObjectMapper mapper = new ObjectMapper();
        RequestFactory factory = new RequestFactory(manifest, mapper);
        for (Operation op : manifest.operations()) {
            factory.operation(op.id());
        }
        long compiled = liveHeap();
        print("operations", manifest.size());
        print("manifestHeap", loaded - before);
        print("withTemplatesHeap", compiled - before);
        print("manifestGraph", GraphLayout.parseInstance(manifest).totalSize());
        print("withTemplatesGraph", GraphLayout.parseInstance(factory).subtract(GraphLayout.parseInstance(mapper)).totalSize());
        Reference.reachabilityFence(document);
        Reference.reachabilityFence(factory);
    }

    private static void builtIn() {
        long start = System.nanoTime();
        Manifest falcon = Manifest.falcon();
        print("coldLoadMillis", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        falcon.operation("GetRoles");
        print("firstLookupMillis", (System.nanoTime() - start) / 1e6);
        print("indexedGraph", GraphLayout.parseInstance(falcon).totalSize());
        falcon.operations();
        print("allReadGraph", GraphLayout.parseInstance(falcon).totalSize());
        falcon.definitions().names().forEach(falcon.definitions()::get);
        print("definitions", falcon.definitions().size());
        print("allCompiledGraph", GraphLayout.parseInstance(falcon).totalSize());
    }

    private static void firstUse() {
        long start = System.nanoTime();
        Manifest falcon = Manifest.falcon();
        new RequestFactory(falcon, new ObjectMapper()).prepare(Calls.OPERATION, Map.of("ids", List.of("a", "b")), null);
        print("firstUseMillis", (System.nanoTime() - start) / 1e6);
        print("operations", falcon.size());
    }

    private static void paging(int pageSize, boolean collect) {
        try (Target target = Target.start(); Harness harness = Calls.harness(target.baseUrl())) {
            long before = liveHeap();
            long[] peak = {before};
            long[] count = {0};
            long start = System.nanoTime();
            List<?> all = null;
            var records = harness.paginate(PaginationBench.OPERATION, Map.of()).pageSize(pageSize).stream();
            if (collect) {
                all = records.toList();
                count[0] = all.size();
                peak[0] = liveHeap();
            } else {
                records.forEach(record -> {
                    if (++count[0] % SAMPLE_EVERY == 0) {
                        peak[0] = Math.max(peak[0], liveHeap());
                    }
                });
            }
            print("records", count[0]);
            print("seconds", (System.nanoTime() - start) / 1e9);
            print("liveBefore", before);
            print("livePeak", peak[0]);
            print("maxHeap", Runtime.getRuntime().maxMemory());
            Reference.reachabilityFence(all);
        }
    }

    /** Heap in use right after a full collection: what is live. */
    static long liveHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
