package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The host groups of one fleet, and the bookkeeping that keeps each host's {@code groups} field equal
 * to the groups that contain it. A generated fleet starts with three dynamic groups ({@link #addDefaults}:
 * Windows servers, Linux servers and the hosts tagged {@code FalconGroupingTags/Finance}); a seed file may
 * give others. Guarded by the fleet's lock.
 */
final class HostGroups {
    private final Map<String, HostGroup> byId = new LinkedHashMap<>();
    private final SplittableRandom ids;

    /** No groups yet; IDs come from {@code seed}. */
    HostGroups(long seed) {
        this.ids = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Adds the three built-in dynamic groups. */
    void addDefaults(String createdAt) {
        add(new HostGroup(newId(), "dynamic", "Windows Servers", "Every Windows server",
                "platform_name:'Windows'+product_type_desc:'Server'", createdAt));
        add(new HostGroup(newId(), "dynamic", "Linux Servers", "Every Linux host", "platform_name:'Linux'", createdAt));
        add(new HostGroup(newId(), "dynamic", "Finance", "Hosts tagged for the finance department",
                "tags:'FalconGroupingTags/Finance'", createdAt));
    }

    /**
     * Adds the groups of a seed file; a static group's {@code hosts} name members by device ID or hostname.
     *
     * @throws IllegalArgumentException naming every member that is not a host of the fleet
     */
    void addSeeded(List<FleetSeed.GroupSeed> seeds, List<FleetHost> hosts, String createdAt) {
        Map<String, String> deviceIds = new HashMap<>();
        for (FleetHost host : hosts) {
            deviceIds.put(host.deviceId(), host.deviceId());
            deviceIds.putIfAbsent(host.identity().hostname().toLowerCase(Locale.ROOT), host.deviceId());
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            FleetSeed.GroupSeed seed = seeds.get(i);
            HostGroup group = new HostGroup(seed.id() == null ? newId() : seed.id(), seed.groupType(), seed.name(),
                    seed.description(), seed.assignmentRule(), createdAt);
            for (int m = 0; m < seed.hosts().size(); m++) {
                String member = deviceIds.get(seed.hosts().get(m).strip().toLowerCase(Locale.ROOT));
                if (member == null) {
                    problems.add("$.host_groups[" + i + "].hosts[" + m + "]: no host has the device ID or hostname \""
                            + seed.hosts().get(m) + "\"");
                } else {
                    group.staticMembers.add(member);
                }
            }
            add(group);
        }
        SeedProblems.refuse(n -> "the sandbox seed's host groups name hosts the fleet does not have", problems);
    }

    /** A new group ID: 32 hexadecimal digits, from the fleet's seed so runs repeat. */
    String newId() {
        return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
    }

    void add(HostGroup group) {
        byId.put(group.id, group);
    }

    HostGroup get(String id) {
        return id == null ? null : byId.get(id.strip().toLowerCase(Locale.ROOT));
    }

    HostGroup remove(String id) {
        return byId.remove(id.strip().toLowerCase(Locale.ROOT));
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
