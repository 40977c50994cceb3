package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The host groups of one fleet, and the bookkeeping that keeps each host's {@code groups} field equal
 * to the groups that contain it. A fleet starts with three dynamic groups (Windows servers, Linux
 * servers and the hosts tagged {@code FalconGroupingTags/Finance}). Guarded by the fleet's lock.
 */
final class HostGroups {
    private final Map<String, HostGroup> byId = new LinkedHashMap<>();
    private final SplittableRandom ids;

    HostGroups(long seed, String createdAt) {
        this.ids = new SplittableRandom(seed ^ 0x5DEECE66DL);
        add(new HostGroup(newId(), "dynamic", "Windows Servers", "Every Windows server",
                "platform_name:'Windows'+product_type_desc:'Server'", createdAt));
        add(new HostGroup(newId(), "dynamic", "Linux Servers", "Every Linux host", "platform_name:'Linux'", createdAt));
        add(new HostGroup(newId(), "dynamic", "Finance", "Hosts tagged for the finance department",
                "tags:'FalconGroupingTags/Finance'", createdAt));
    }

    /** A new group ID: 32 hexadecimal digits, from the fleet's seed so runs repeat. */
    String newId() {
        return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
    }

    void add(HostGroup group) {
        byId.put(group.id, group);
    }

    HostGroup get(String id) {
        return id == null ? null : byId.get(id.strip().toLowerCase(java.util.Locale.ROOT));
    }

    HostGroup remove(String id) {
        return byId.remove(id.strip().toLowerCase(java.util.Locale.ROOT));
    }

    Collection<HostGroup> all() {
        return byId.values();
    }

    /** Whether another group already has this name (ignoring case), as names are unique in a customer. */
    boolean nameTaken(String name, String exceptId) {
        return byId.values().stream().anyMatch(g -> g.name.equalsIgnoreCase(name) && !g.id.equals(exceptId));
    }

    /** Sets each host's {@code groups} to the IDs of the groups containing it. */
    void refresh(Collection<FleetHost> hosts) {
        for (FleetHost host : hosts) {
            List<String> member = new ArrayList<>(2);
            for (HostGroup group : byId.values()) {
                if (group.contains(host)) {
                    member.add(group.id);
                }
            }
            host.setGroups(member);
        }
    }
}
