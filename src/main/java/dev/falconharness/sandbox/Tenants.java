package dev.falconharness.sandbox;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customers a sandbox holds: the parent (the seeded state) and any MSSP child CIDs, each with its own
 * {@link UserStore}. A child starts with the parent's role catalogue and no users. A request works on the
 * store of the customer its token was issued for. Thread-safe (the map is fixed at start; stores are).
 */
final class Tenants {
    private final UserStore parent;
    private final Map<String, UserStore> byCid = new LinkedHashMap<>();

    Tenants(SeedData seed, Collection<String> childCids, Clock clock) {
        this.parent = new UserStore(seed, clock);
        byCid.put(key(seed.cid()), parent);
        for (String child : childCids) {
            byCid.put(key(child), new UserStore(new SeedData(child, seed.roles(), List.of(), Map.of(), FleetSeed.GENERATED), clock));
        }
    }

    /** The parent customer's store. */
    UserStore parent() {
        return parent;
    }

    /** The store of the customer the request's token is scoped to (the parent's when it has none). */
    UserStore of(SandboxRequest request) {
        String cid = request.cid();
        return cid == null ? parent : byCid.getOrDefault(key(cid), parent);
    }

    /** Every customer back to its initial state. */
    void reset() {
        byCid.values().forEach(UserStore::reset);
    }

    private static String key(String cid) {
        return cid.toLowerCase(Locale.ROOT);
    }
}
