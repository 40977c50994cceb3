package dev.falconharness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.BodyValidation;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.request.RequestFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the body check adds to {@code prepare}, measured so that load from elsewhere hits both sides
 * alike: one JVM, a factory that checks ({@link BodyValidation#REFUSE}) and one that does not
 * ({@link BodyValidation#OFF}), blocks of calls to each alternating (the order flipped every pair),
 * timed by this thread's CPU time. Prints {@code key=value} lines for {@link Bench}: per operation the
 * median, lower and upper quartile of the added microseconds over the pairs.
 */
public final class BodyCheckProbe {
    private static final int BLOCK = 20_000;
    private static final Map<String, Object> USER = Map.of("uid", "ana@example.com", "firstName", "Ana", "lastName", "Lima");
    private static final Map<String, Object> CONTAIN = Map.of("ids", List.of("a1b2c3", "d4e5f6"),
            "action_parameters", List.of(Map.of("name", "note", "value", "incident 42")));
    private static final Map<String, Object> ACTION = Map.of("action_name", "contain");

    private BodyCheckProbe() {
    }

    public static void main(String[] args) {
        int pairs = Integer.parseInt(args[0]);
        Manifest falcon = Manifest.falcon();
        RequestFactory checked = new RequestFactory(falcon, new ObjectMapper(), BodyValidation.REFUSE);
        RequestFactory unchecked = new RequestFactory(falcon, new ObjectMapper(), BodyValidation.OFF);
        measure("createUser", pairs, checked, unchecked, "CreateUser", Map.of(), USER);
        measure("performActionV2", pairs, checked, unchecked, "PerformActionV2", ACTION, CONTAIN);
    }

    private static void measure(String name, int pairs, RequestFactory checked, RequestFactory unchecked, String op,
            Map<String, Object> params, Object body) {
        for (int i = 0; i < 5; i++) { // warm-up: both paths compiled before anything counts
            block(checked, op, params, body);
            block(unchecked, op, params, body);
        }
        List<Double> added = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            double with;
            double without;
            if (i % 2 == 0) {
                with = block(checked, op, params, body);
                without = block(unchecked, op, params, body);
            } else {
                without = block(unchecked, op, params, body);
                with = block(checked, op, params, body);
            }
            added.add(with - without);
            base.add(without);
        }
        Collections.sort(added);
        Collections.sort(base);
        System.out.println(name + ".addedMicros=" + added.get(pairs / 2));
        System.out.println(name + ".addedLow=" + added.get(pairs / 4));
        System.out.println(name + ".addedHigh=" + added.get(pairs * 3 / 4));
        System.out.println(name + ".uncheckedMicros=" + base.get(pairs / 2));
    }

    /** Microseconds of this thread's CPU per prepare, over one block. */
    private static double block(RequestFactory factory, String op, Map<String, Object> params, Object body) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Object sink = null;
        for (int i = 0; i < BLOCK; i++) {
            sink = factory.prepare(op, params, body);
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no request prepared");
        }
        return cpu / 1000.0 / BLOCK;
    }
}
