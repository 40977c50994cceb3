package dev.falconharness.sandbox;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The fleet of each customer a sandbox holds: the parent's is generated from the seed (or read from a
 * seed file); MSSP children start with none. A request works on the fleet of the customer its token was
 * issued for. The parent's fleet is built on a thread of its own, so that a sandbox compiles its routes and
 * binds its port meanwhile (a cold start with 50,000 hosts would otherwise do the two one after the other);
 * {@link #awaitReady()} ends the wait and reports a seed file's problems. Thread-safe (the map is fixed at
 * start; fleets are).
 */
final class Fleets {
    /** The default number of hosts: enough for examples to find Windows, macOS and Linux hosts. */
    static final int DEFAULT_HOSTS = 50;
    /** The default seed of the generated fleet. */
    static final long DEFAULT_SEED = 20_261_101L;

    private final String parentCid;
    private final FutureTask<Fleet> parent;
    private final Map<String, Fleet> children = new LinkedHashMap<>();

    Fleets(long seed, int hosts, FleetSeed seeded, String parentCid, Collection<String> childCids, Clock clock) {
        this.parentCid = parentCid.toLowerCase(Locale.ROOT);
        this.parent = new FutureTask<>(() -> new Fleet(seed, hosts, this.parentCid, clock, seeded));
        Thread builder = new Thread(parent, "falcon-sandbox-fleet");
        builder.setDaemon(true);
        builder.start();
        for (String child : childCids) {
            children.put(child.toLowerCase(Locale.ROOT), new Fleet(seed, 0, child, clock, FleetSeed.GENERATED));
        }
    }

    /**
     * Waits until the parent's fleet is built.
     *
     * @throws IllegalArgumentException if the seed file's fleet refers to hosts or groups it does not have
     */
    void awaitReady() {
        parent();
    }

    /** The parent customer's fleet (waiting for it to be built, at start). */
    Fleet parent() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return parent.get();
                } catch (InterruptedException e) {
                    // Building a fleet takes a moment and cannot be abandoned halfway; wait, then re-interrupt.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("building the sandbox fleet failed: " + e.getCause(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The fleet of the customer the request's token is scoped to (the parent's when it has none). */
    Fleet of(SandboxRequest request) {
        String cid = request.cid();
        Fleet child = cid == null ? null : children.get(cid.toLowerCase(Locale.ROOT));
        return child != null ? child : parent();
    }

    /** Every fleet back to its generated state. */
    void reset() {
        parent().reset();
        children.values().forEach(Fleet::reset);
    }
}
