package dev.falconharness.sandbox;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A host group: {@code static} and {@code staticByID} groups hold the hosts added to them; a
 * {@code dynamic} group holds the hosts its FQL {@code assignment_rule} accepts, so a host whose tag
 * changes joins or leaves it. Guarded by the fleet's lock.
 */
final class HostGroup {
    final String id;
    final String groupType;
    final String createdTimestamp;
    String name;
    String description;
    String assignmentRule;
    Predicate<Map<String, String>> rule;
    String modifiedTimestamp;
    final Set<String> staticMembers = new LinkedHashSet<>();

    HostGroup(String id, String groupType, String name, String description, String assignmentRule, String now) {
        this.id = id;
        this.groupType = groupType;
        this.name = name;
        this.description = description == null ? "" : description;
        this.createdTimestamp = now;
        this.modifiedTimestamp = now;
        setRule(assignmentRule);
    }

    boolean dynamic() {
        return groupType.equals("dynamic");
    }

    /** Compiles a dynamic group's rule; a rule that is not FQL is a 400 naming it. */
    void setRule(String assignmentRule) {
        this.assignmentRule = assignmentRule == null ? "" : assignmentRule;
        this.rule = dynamic() ? Fql.filter(stripParentheses(this.assignmentRule), HostOperations.FIELDS) : null;
    }

    /** Whether the host is a member: by the rule for a dynamic group, by the added IDs for a static one. */
    boolean contains(FleetHost host) {
        return dynamic() ? !assignmentRule.isBlank() && rule.test(host.fields()) : staticMembers.contains(host.deviceId());
    }

    /** The fields FQL reads on groups. */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", name);
        f.put("description", description);
        f.put("group_type", groupType);
        f.put("assignment_rule", assignmentRule);
        f.put("created_by", "sandbox.admin@example.com");
        f.put("created_timestamp", createdTimestamp);
        f.put("modified_by", "sandbox.admin@example.com");
        f.put("modified_timestamp", modifiedTimestamp);
        return f;
    }

    /** The group as the API returns it ({@code host_groups.HostGroupV1}). */
    Map<String, Object> json() {
        return new LinkedHashMap<>(fields());
    }

    /** Falcon writes rules and action filters in one pair of parentheses, e.g. {@code (device_id:['a'])}. */
    static String stripParentheses(String fql) {
        String text = fql == null ? "" : fql.strip();
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }
}
