package dev.falconharness.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decides, per request, which configured {@link Fault}s fire. Each fault keeps its own count of how
 * often it fired; rates draw from one seeded {@link Random}. Thread-safe: decisions are serialised, which
 * also keeps the random sequence the same for a sequential test.
 */
final class FaultPlan {
    private final long seed;
    private List<Armed> armed = List.of();
    private Random random;

    /** A fault and how many more times it may fire. */
    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    /**
     * What to do with a request.
     *
     * @param delay    how long to wait first
     * @param terminal the fault that decides the answer instead of the handler, or null
     */
    record Decision(Duration delay, Fault terminal) {
        static final Decision NONE = new Decision(Duration.ZERO, null);
    }

    FaultPlan(List<Fault> faults, long seed) {
        this.seed = seed;
        replace(faults);
    }

    /** Installs new faults, with fresh counts and a re-seeded random sequence. */
    synchronized void replace(List<Fault> faults) {
        List<Armed> fresh = new ArrayList<>();
        faults.forEach(f -> fresh.add(new Armed(f)));
        armed = fresh;
        random = new Random(seed);
    }

    synchronized List<Fault> faults() {
        return armed.stream().map(a -> a.fault).toList();
    }

    /** The faults that fire for a request to {@code route} (null when no operation matched). */
    synchronized Decision decide(Route route) {
        if (armed.isEmpty()) {
            return Decision.NONE;
        }
        Duration delay = Duration.ZERO;
        for (Armed a : armed) {
            if (!applies(a, route) || !fires(a)) {
                continue;
            }
            a.remaining--;
            if (a.fault.kind() == Fault.Kind.DELAY) {
                delay = delay.plus(a.fault.duration());
            } else {
                return new Decision(delay, a.fault);
            }
        }
        return delay.isZero() ? Decision.NONE : new Decision(delay, null);
    }

    /** True when an armed fault could fire for a request to {@code route}; consumes nothing. */
    synchronized boolean governs(Route route) {
        return armed.stream().anyMatch(a -> applies(a, route));
    }

    private static boolean applies(Armed a, Route route) {
        if (a.remaining <= 0) {
            return false;
        }
        String id = a.fault.operationId();
        if (id == null) {
            // Untargeted faults leave authentication alone, so "5% of calls fail" means API calls.
            return route == null || !route.open();
        }
        return route != null && route.serves(id);
    }

    private boolean fires(Armed a) {
        return a.fault.rate() >= 1.0 || random.nextDouble() < a.fault.rate();
    }
}
