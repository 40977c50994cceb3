package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fleet part of a seed file: hosts and host groups that replace the generated ones. A host names only
 * what matters to a test; every field it leaves out is generated as it would be for the generated host in
 * the same place, so a seeded fleet is as deterministic as a generated one. Immutable.
 *
 * @param hosts      the hosts, in order, or null to generate them
 * @param groups     the host groups, in order, or null for the three built-in dynamic groups
 * @param indicators the {@code indicators} array, or null to generate them; its records refer to groups,
 *                   so they are checked when the fleet is built ({@link Indicators#fromSeed})
 * @param alerts     the {@code alerts} array, or null to generate them; its records refer to hosts, so they
 *                   are checked when the fleet is built ({@link Alerts#fromSeed})
 */
record FleetSeed(List<HostSeed> hosts, List<GroupSeed> groups, JsonNode indicators, JsonNode alerts) {
    /** No seeded fleet: everything generated. */
    static final FleetSeed GENERATED = new FleetSeed(null, null, null, null);

    static final Set<String> HOST_FIELDS = Set.of("device_id", "hostname", "platform_name", "os_version", "os_build",
            "product_type_desc", "agent_version", "first_seen", "last_seen", "external_ip", "local_ip", "mac_address",
            "system_manufacturer", "machine_domain", "tags", "status", "host_hidden_status");
    /** The host fields read as plain text; the others are checked for their own form. */
    private static final List<String> PLAIN_HOST_FIELDS = List.of("device_id", "hostname", "os_version", "os_build",
            "agent_version", "external_ip", "local_ip", "mac_address", "system_manufacturer", "machine_domain");
    static final Set<String> GROUP_FIELDS = Set.of("id", "name", "description", "group_type", "assignment_rule", "hosts");
    private static final List<String> PLATFORMS = List.of("Windows", "Mac", "Linux");
    private static final List<String> PRODUCT_TYPES = List.of("Workstation", "Server", "Domain Controller");
    private static final List<String> STATUSES = List.of("normal", "contained");
    private static final List<String> HIDDEN = List.of("visible", "hidden");
    private static final List<String> GROUP_TYPES = List.of("static", "dynamic", "staticByID");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final String TAG_PREFIX = "FalconGroupingTags/";

    FleetSeed {
        hosts = hosts == null ? null : List.copyOf(hosts);
        groups = groups == null ? null : List.copyOf(groups);
    }

    /**
     * One seeded host.
     *
     * @param fields   the fixed fields given, by API name ({@code hostname}, {@code platform_name}, ...)
     * @param tags     its Falcon Grouping Tags
     * @param contained whether it starts contained
     * @param hidden   whether it starts hidden
     */
    record HostSeed(Map<String, String> fields, List<String> tags, boolean contained, boolean hidden) {
        HostSeed {
            fields = Map.copyOf(fields);
            tags = List.copyOf(tags);
        }
    }

    /**
     * One seeded host group.
     *
     * @param id             its ID, or null to generate one
     * @param name           its name, unique in the fleet
     * @param description    its description
     * @param groupType      static, dynamic or staticByID
     * @param assignmentRule a dynamic group's FQL rule
     * @param hosts          a static group's members, by device ID or hostname
     */
    record GroupSeed(String id, String name, String description, String groupType, String assignmentRule,
            List<String> hosts) {
        GroupSeed {
            hosts = List.copyOf(hosts);
        }
    }

    /** Reads the fleet's parts of a seed file's root (hosts, groups, indicators, alerts), adding to {@code problems}. */
    static FleetSeed read(JsonNode root, SeedProblems problems) {
        List<HostSeed> hosts = root.has("hosts") ? hosts(root.get("hosts"), problems) : null;
        List<GroupSeed> groups = root.has("host_groups") ? groups(root.get("host_groups"), hosts, problems) : null;
        JsonNode indicators = root.has("indicators") ? problems.array(root.get("indicators"), "$.indicators") : null;
        JsonNode alerts = root.has("alerts") ? problems.array(root.get("alerts"), "$.alerts") : null;
        return new FleetSeed(hosts, groups, indicators, alerts);
    }

    private static List<HostSeed> hosts(JsonNode node, SeedProblems problems) {
        JsonNode list = problems.array(node, "$.hosts");
        List<HostSeed> hosts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "$.hosts[" + i + "]";
            JsonNode host = list.get(i);
            if (!problems.fields(host, HOST_FIELDS, where)) {
                continue;
            }
            HostSeed seeded = host(host, where, problems);
            String id = seeded.fields().get("device_id");
            if (id != null && !ids.add(id)) {
                problems.add(where + ".device_id: \"" + id + "\" is used by an earlier host");
            }
            hosts.add(seeded);
        }
        return hosts;
    }

    private static HostSeed host(JsonNode host, String where, SeedProblems problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : PLAIN_HOST_FIELDS) {
            String value = problems.text(host, name, where, name.equals("hostname"));
            if (value != null) {
                fields.put(name, value);
            }
        }
        put(fields, "platform_name", problems.oneOf(host, "platform_name", where, PLATFORMS));
        put(fields, "product_type_desc", problems.oneOf(host, "product_type_desc", where, PRODUCT_TYPES));
        for (String time : List.of("first_seen", "last_seen")) {
            Instant instant = problems.instant(host, time, where);
            put(fields, time, instant == null ? null : instant.toString());
        }
        String id = fields.get("device_id");
        if (id != null) {
            fields.put("device_id", id.toLowerCase(Locale.ROOT));
            if (!HEX32.matcher(fields.get("device_id")).matches()) {
                problems.add(where + ".device_id: expected 32 hexadecimal digits, got \"" + id + "\" (or leave it out to"
                        + " have one generated)");
            }
        }
        for (String ip : List.of("external_ip", "local_ip")) {
            if (fields.containsKey(ip) && !IPV4.matcher(fields.get(ip)).matches()) {
                problems.add(where + "." + ip + ": expected an IPv4 address such as 10.0.0.5, got \"" + fields.get(ip) + "\"");
            }
        }
        List<String> tags = problems.strings(host, "tags", where);
        for (int t = 0; t < tags.size(); t++) {
            if (!tags.get(t).startsWith(TAG_PREFIX) || tags.get(t).length() == TAG_PREFIX.length()) {
                problems.add(where + ".tags[" + t + "]: a Falcon Grouping Tag is " + TAG_PREFIX + "<name>, got \""
                        + tags.get(t) + "\"");
            }
        }
        String status = problems.oneOf(host, "status", where, STATUSES);
        String hidden = problems.oneOf(host, "host_hidden_status", where, HIDDEN);
        return new HostSeed(fields, tags, "contained".equals(status), "hidden".equals(hidden));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
    }

    private static List<GroupSeed> groups(JsonNode node, List<HostSeed> hosts, SeedProblems problems) {
        JsonNode list = problems.array(node, "$.host_groups");
        List<GroupSeed> groups = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "$.host_groups[" + i + "]";
            JsonNode group = list.get(i);
            if (!problems.fields(group, GROUP_FIELDS, where)) {
                continue;
            }
            String name = problems.text(group, "name", where, true);
            if (name != null && names.putIfAbsent(name.toLowerCase(Locale.ROOT), name) != null) {
                problems.add(where + ".name: \"" + name + "\" is used by an earlier group (names are unique, ignoring case)");
            }
            String id = problems.text(group, "id", where, false);
            if (id != null) {
                id = id.toLowerCase(Locale.ROOT);
                if (!HEX32.matcher(id).matches()) {
                    problems.add(where + ".id: expected 32 hexadecimal digits, got \"" + id + "\" (or leave it out)");
                } else if (!ids.add(id)) {
                    problems.add(where + ".id: \"" + id + "\" is used by an earlier group");
                }
            }
            String type = problems.oneOf(group, "group_type", where, GROUP_TYPES);
            type = type == null ? "static" : type;
            String rule = problems.text(group, "assignment_rule", where, false);
            List<String> members = problems.strings(group, "hosts", where);
            if (type.equals("dynamic")) {
                checkRule(rule, where, problems);
                if (!members.isEmpty()) {
                    problems.add(where + ".hosts: a dynamic group takes its members from assignment_rule; leave hosts"
                            + " out or make the group static");
                }
            } else if (rule != null) {
                problems.add(where + ".assignment_rule: only a dynamic group has a rule; set group_type to dynamic"
                        + " or list its members in hosts");
            }
            groups.add(new GroupSeed(id, name, problems.text(group, "description", where, false), type, rule, members));
        }
        return groups;
    }

    private static void checkRule(String rule, String where, SeedProblems problems) {
        if (rule == null || rule.isBlank()) {
            problems.add(where + ".assignment_rule: a dynamic group needs an FQL rule, e.g. \"platform_name:'Linux'\"");
            return;
        }
        try {
            Fql.filter(HostGroup.stripParentheses(rule), HostOperations.FIELDS);
        } catch (SandboxError e) {
            problems.add(where + ".assignment_rule: " + e.getMessage());
        }
    }
}
