package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Host Group operations on the {@link Fleet}: create, query (IDs or entities), get, update and
 * delete groups; add and remove hosts of static groups with an FQL filter; list members (IDs or hosts).
 * Dynamic groups take their members from their {@code assignment_rule}, so they change as hosts do.
 * Thread-safe: every handler works under the fleet's lock.
 */
final class HostGroupOperations {
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "group_type", "assignment_rule",
            "created_by", "created_timestamp", "modified_by", "modified_timestamp");
    private static final Set<String> TYPES = Set.of("static", "dynamic", "staticByID");
    private static final String CREATE_EXAMPLE = "{\"resources\": [{\"name\": \"Web servers\", \"group_type\": \"dynamic\","
            + " \"assignment_rule\": \"tags:'FalconGroupingTags/web'\"}]}";
    private static final String UPDATE_EXAMPLE = "{\"resources\": [{\"id\": \"<group id>\", \"name\": \"New name\"}]}";
    private static final String ACTION_EXAMPLE = "{\"ids\": [\"<group id>\"], \"action_parameters\": [{\"name\": \"filter\","
            + " \"value\": \"(device_id:['<device id>'])\"}]}";

    private final Fleets fleets;

    HostGroupOperations(Fleets fleets) {
        this.fleets = fleets;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("queryHostGroups", r -> queryGroups(r, g -> g.id));
        handlers.put("queryCombinedHostGroups", r -> queryGroups(r, HostGroup::json));
        handlers.put("getHostGroups", this::getGroups);
        handlers.put("createHostGroups", this::create);
        handlers.put("updateHostGroups", this::update);
        handlers.put("deleteHostGroups", this::delete);
        handlers.put("performGroupAction", this::action);
        handlers.put("queryGroupMembers", r -> members(r, FleetHost::deviceId));
        handlers.put("queryCombinedGroupMembers", r -> members(r, FleetHost::json));
        return handlers;
    }

    private Reply queryGroups(SandboxRequest request, Function<HostGroup, Object> shape) {
        Paging paging = Paging.of(request, 100, 5000);
        Predicate<Map<String, String>> filter = Fql.filter(request.query("filter"), FIELDS);
        Comparator<Map<String, String>> order = Fql.sort(request.query("sort"), "name|asc", FIELDS);
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            List<HostGroup> matches = new ArrayList<>();
            for (HostGroup group : fleet.groups().all()) {
                if (filter.test(group.fields())) {
                    matches.add(group);
                }
            }
            matches.sort(Comparator.comparing(HostGroup::fields, order));
            return paging.reply(matches.stream().map(shape).toList());
        });
    }

    private Reply getGroups(SandboxRequest request) {
        List<String> ids = request.requireQueryList("ids", "host group IDs, e.g. ids=<group id>");
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> lookup(fleet, ids));
    }

    private static Reply lookup(Fleet fleet, List<String> ids) {
        List<Object> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            HostGroup group = fleet.groups().get(id);
            if (group == null) {
                missing.add(id);
            } else {
                found.add(group.json());
            }
        }
        return Reply.lookup(found, missing, "host group");
    }

    private Reply create(SandboxRequest request) {
        JsonNode resources = resources(request.jsonObject(CREATE_EXAMPLE), CREATE_EXAMPLE);
        Fleet fleet = fleets.of(request);
        String now = fleet.clock().instant().toString();
        return fleet.locked(() -> {
            List<HostGroup> made = new ArrayList<>();
            for (JsonNode item : resources) {
                String name = Bodies.text(item, "name");
                String type = Bodies.text(item, "group_type");
                if (name == null || name.isBlank()) {
                    throw SandboxError.badRequest("each group needs a 'name', e.g. " + CREATE_EXAMPLE);
                }
                if (type == null || !TYPES.contains(type)) {
                    throw SandboxError.badRequest("'group_type' must be static, dynamic or staticByID, got "
                            + (type == null ? "nothing" : "\"" + type + "\""));
                }
                String rule = Bodies.text(item, "assignment_rule");
                if (!type.equals("dynamic") && rule != null && !rule.isBlank()) {
                    throw SandboxError.badRequest("an assignment_rule may only be given for a dynamic group; \"" + name
                            + "\" is " + type);
                }
                if (fleet.groups().nameTaken(name, null) || made.stream().anyMatch(g -> g.name.equalsIgnoreCase(name))) {
                    throw SandboxError.badRequest("a host group named \"" + name + "\" already exists");
                }
                made.add(new HostGroup(fleet.groups().newId(), type, name, Bodies.text(item, "description"), rule, now));
            }
            made.forEach(fleet.groups()::add);
            fleet.membershipChanged();
            return Reply.created(made.stream().map(HostGroup::json).toList());
        });
    }

    private Reply update(SandboxRequest request) {
        JsonNode resources = resources(request.jsonObject(UPDATE_EXAMPLE), UPDATE_EXAMPLE);
        Fleet fleet = fleets.of(request);
        String now = fleet.clock().instant().toString();
        return fleet.locked(() -> {
            List<String> ids = new ArrayList<>();
            for (JsonNode item : resources) {
                HostGroup group = fleet.groups().get(Bodies.text(item, "id"));
                if (group == null) {
                    throw SandboxError.notFound("host group not found: " + Bodies.text(item, "id"));
                }
                String name = Bodies.text(item, "name");
                if (name != null && fleet.groups().nameTaken(name, group.id)) {
                    throw SandboxError.badRequest("a host group named \"" + name + "\" already exists");
                }
                String rule = Bodies.text(item, "assignment_rule");
                if (rule != null && !group.dynamic() && !rule.isBlank()) {
                    throw SandboxError.badRequest("the assignment_rule of " + group.groupType + " group " + group.id
                            + " cannot be set; add or remove its hosts with performGroupAction");
                }
                if (rule != null && group.dynamic()) {
                    group.setRule(rule);
                }
                group.name = name == null ? group.name : name;
                group.description = Bodies.text(item, "description") == null ? group.description
                        : Bodies.text(item, "description");
                group.modifiedTimestamp = now;
                ids.add(group.id);
            }
            fleet.membershipChanged();
            return lookup(fleet, ids);
        });
    }

    private Reply delete(SandboxRequest request) {
        List<String> ids = request.requireQueryList("ids", "host group IDs, e.g. ids=<group id>");
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            List<Object> deleted = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                HostGroup group = fleet.groups().remove(id);
                if (group == null) {
                    missing.add(id);
                } else {
                    deleted.add(group.id);
                }
            }
            fleet.membershipChanged();
            return Reply.lookup(deleted, missing, "host group");
        });
    }

    /** add-hosts / remove-hosts with an FQL {@code filter} over hosts; dynamic groups refuse both. */
    private Reply action(SandboxRequest request) {
        String action = request.requireQuery("action_name", "add-hosts or remove-hosts");
        if (!action.equals("add-hosts") && !action.equals("remove-hosts")) {
            throw SandboxError.badRequest("action_name must be add-hosts or remove-hosts, got \"" + action + "\"");
        }
        request.bool("disable_hostname_check", false);
        JsonNode body = request.jsonObject(ACTION_EXAMPLE);
        List<String> groupIds = Bodies.requireStrings(body, ACTION_EXAMPLE, "ids");
        Predicate<Map<String, String>> filter = Fql.filter(HostGroup.stripParentheses(filterParameter(body)),
                HostOperations.FIELDS);
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            List<String> hostIds = fleet.select(filter, null).stream().map(FleetHost::deviceId).toList();
            for (String id : groupIds) {
                HostGroup group = fleet.groups().get(id);
                if (group == null) {
                    throw SandboxError.notFound("host group not found: " + id);
                }
                if (group.dynamic()) {
                    throw SandboxError.badRequest("host group " + group.id + " is dynamic: its members come from its"
                            + " assignment_rule; change the rule (updateHostGroups) or the hosts' tags instead");
                }
                if (action.equals("add-hosts")) {
                    group.staticMembers.addAll(hostIds);
                } else {
                    hostIds.forEach(group.staticMembers::remove);
                }
            }
            fleet.membershipChanged();
            return lookup(fleet, groupIds);
        });
    }

    private static String filterParameter(JsonNode body) {
        for (JsonNode parameter : body.path("action_parameters")) {
            if ("filter".equals(Bodies.text(parameter, "name"))) {
                String value = Bodies.text(parameter, "value");
                if (value != null && !HostGroup.stripParentheses(value).isEmpty()) {
                    return value;
                }
            }
        }
        throw SandboxError.badRequest("add-hosts and remove-hosts need an action parameter 'filter' naming the hosts, e.g. "
                + ACTION_EXAMPLE);
    }

    private Reply members(SandboxRequest request, Function<FleetHost, Object> shape) {
        String id = request.requireQuery("id", "the host group's ID (find it with queryHostGroups)");
        Paging paging = Paging.of(request, 100, 5000);
        Predicate<Map<String, String>> filter = Fql.filter(request.query("filter"), HostOperations.FIELDS);
        FqlOrder order = HostOperations.orderOf(request.query("sort"));
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            HostGroup group = fleet.groups().get(id);
            if (group == null) {
                throw SandboxError.notFound("host group not found: " + id);
            }
            List<FleetHost> hosts = fleet.selectInOrder(f -> !"hidden".equals(f.get("host_hidden_status")) && filter.test(f), order);
            List<Object> out = new ArrayList<>();
            for (FleetHost host : hosts) {
                if (group.contains(host)) {
                    out.add(shape.apply(host));
                }
            }
            return paging.reply(out);
        });
    }

    private static JsonNode resources(JsonNode body, String example) {
        JsonNode resources = body.path("resources");
        if (!resources.isArray() || resources.isEmpty()) {
            throw SandboxError.badRequest("the body needs a non-empty 'resources' array, e.g. " + example);
        }
        return resources;
    }
}
