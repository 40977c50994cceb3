package dev.falconharness.sandbox;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet of each customer a sandbox holds: the parent's is generated from the seed (or read from a
 * seed file); MSSP children start with none. A request works on the fleet of the customer its token was issued for. Thread-safe
 * (the map is fixed at start; fleets are).
 */
final class Fleets {
    /** The default number of hosts: enough for examples to find Windows, macOS and Linux hosts. */
    static final int DEFAULT_HOSTS = 50;
    /** The default seed of the generated fleet. */
    static final long DEFAULT_SEED = 20_261_101L;

    private final Fleet parent;
    private final Map<String, Fleet> byCid = new LinkedHashMap<>();

    Fleets(long seed, int hosts, FleetSeed seeded, String parentCid, Collection<String> childCids, Clock clock) {
        this.parent = new Fleet(seed, hosts, parentCid.toLowerCase(Locale.ROOT), clock, seeded);
        byCid.put(parentCid.toLowerCase(Locale.ROOT), parent);
        for (String child : childCids) {
            byCid.put(child.toLowerCase(Locale.ROOT), new Fleet(seed, 0, child, clock, FleetSeed.GENERATED));
        }
    }

    /** The parent customer's fleet. */
    Fleet parent() {
        return parent;
    }

    /** The fleet of the customer the request's token is scoped to (the parent's when it has none). */
    Fleet of(SandboxRequest request) {
        String cid = request.cid();
        return cid == null ? parent : byCid.getOrDefault(cid.toLowerCase(Locale.ROOT), parent);
    }

    /** Every fleet back to its generated state. */
    void reset() {
        byCid.values().forEach(Fleet::reset);
    }
}
