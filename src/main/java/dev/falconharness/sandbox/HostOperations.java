package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Hosts operations on the {@link Fleet}: FQL queries with offset paging (refused past 10,000, as the
 * API refuses them) and with scroll cursors, details by ID (query string or body), containment and
 * hiding actions, and Falcon Grouping Tags. Hidden hosts are left out of every query but
 * {@code QueryHiddenDevices}, and out of details, as on the real API. Thread-safe (the fleet is).
 */
final class HostOperations {
    /**
     * The fields FQL may filter and sort hosts on: every field the fleet keeps, and every other scalar field
     * {@code deviceapi.DeviceSwagger} documents (the fleet leaves those empty, so a filter on one matches no
     * host, as on a real fleet where no host reports it, and a sort on one keeps the hosts' order).
     */
    static final Set<String> FIELDS = DocumentedFields.with(FleetHost.COLUMNS.names(), "deviceapi.DeviceSwagger");
    /** Read on every host of every query. */
    private static final FqlRecord.Field HIDDEN = new FqlRecord.Field("host_hidden_status");
    private static final String IDS_EXAMPLE = "{\"ids\": [\"<device id>\"]}";
    private static final String TAG_PREFIX = "FalconGroupingTags/";

    private final Fleets fleets;

    HostOperations(Fleets fleets) {
        this.fleets = fleets;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("QueryDevicesByFilter", r -> query(r, false));
        handlers.put("QueryHiddenDevices", r -> query(r, true));
        handlers.put("QueryDevicesByFilterScroll", this::scroll);
        handlers.put("GetDeviceDetailsV2", r -> details(r, r.requireQueryList("ids", "host IDs, e.g. ids=<device id>")));
        handlers.put("PostDeviceDetailsV2", r -> details(r, Bodies.requireStrings(r.jsonObject(IDS_EXAMPLE), IDS_EXAMPLE, "ids")));
        handlers.put("PerformActionV2", this::action);
        handlers.put("UpdateDeviceTags", this::tags);
        return handlers;
    }

    /** Offset paging: {@code offset + limit} may not pass 10,000; the scroll operation goes further. */
    private Reply query(SandboxRequest request, boolean hidden) {
        Paging paging = Paging.of(request, 100, 5000, "page further with QueryDevicesByFilterScroll");
        return paging.reply(matching(request, hidden));
    }

    /** The IDs of the visible (or hidden) hosts the request's filter accepts, in its sort order. */
    private List<String> matching(SandboxRequest request, boolean hidden) {
        Predicate<Map<String, String>> filter = Fql.filter(request.query("filter"), FIELDS);
        FqlOrder order = orderOf(request.query("sort"));
        String wanted = hidden ? "hidden" : "visible";
        List<FleetHost> hosts = fleets.of(request).selectInOrder(f -> wanted.equals(HIDDEN.value(f))
                && filter.test(f), order);
        List<String> ids = new ArrayList<>(hosts.size());
        hosts.forEach(h -> ids.add(h.deviceId()));
        return ids;
    }

    /** {@code hostname.asc}, {@code last_seen|desc}, {@code device_policies.prevention.policy_id.desc}; null without a sort. */
    static Comparator<Map<String, String>> sortOf(String sort) {
        return Fql.sort(sort, null, FIELDS);
    }

    /** {@link #sortOf} for {@link Fleet#selectInOrder}; null without a sort. */
    static FqlOrder orderOf(String sort) {
        return Fql.order(sort, null, FIELDS);
    }

    /**
     * A scroll: without {@code offset} a new scroll over the matches; with one, the page it points at.
     * The pagination carries the next page's token in {@code offset} and the expiry in {@code expires_at}.
     */
    private Reply scroll(SandboxRequest request) {
        int limit = request.integer("limit", 100, 1, 10_000);
        Fleet fleet = fleets.of(request);
        String token = request.query("offset");
        if (token == null || token.isBlank()) {
            token = fleet.openScroll(matching(request, false));
        }
        Fleet.ScrollPage page = fleet.scroll(token, limit);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("offset", page.next());
        pagination.put("limit", limit);
        pagination.put("total", page.total());
        pagination.put("expires_at", page.expiresAt().toEpochMilli() * 1_000_000L);
        return new Reply(200, new ArrayList<>(page.ids()), List.of(), pagination, null, Map.of(), null);
    }

    private Reply details(SandboxRequest request, List<String> ids) {
        if (ids.size() > 5000) {
            throw SandboxError.badRequest("at most 5000 ids per request, got " + ids.size());
        }
        Fleet fleet = fleets.of(request);
        List<Object> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        fleet.locked(() -> {
            for (String id : ids) {
                FleetHost host = fleet.host(id, true);
                if (host == null || host.hidden()) {
                    missing.add(id);
                } else {
                    found.add(host.json());
                }
            }
            return null;
        });
        return Reply.lookup(found, missing, "host");
    }

    private Reply action(SandboxRequest request) {
        String action = request.requireQuery("action_name", "contain, lift_containment, hide_host or unhide_host");
        if (!List.of("contain", "lift_containment", "hide_host", "unhide_host").contains(action)) {
            throw SandboxError.badRequest("action_name must be contain, lift_containment, hide_host or unhide_host, got \""
                    + action + "\"");
        }
        List<String> ids = Bodies.requireStrings(request.jsonObject(IDS_EXAMPLE), IDS_EXAMPLE, "ids");
        if (ids.size() > 100) {
            throw SandboxError.badRequest("at most 100 ids per action, got " + ids.size());
        }
        Fleet fleet = fleets.of(request);
        List<Object> done = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        fleet.locked(() -> {
            for (String id : ids) {
                FleetHost host = fleet.host(id, false);
                if (host == null || host.hidden() != action.equals("unhide_host")) {
                    missing.add(id);
                    continue;
                }
                switch (action) {
                    case "contain" -> host.requestContainment(true, fleet.clock().instant());
                    case "lift_containment" -> host.requestContainment(false, fleet.clock().instant());
                    case "hide_host" -> host.hide(true);
                    default -> host.hide(false);
                }
                done.add(Reply.object("id", host.deviceId(), "path", ""));
            }
            return null;
        });
        Reply reply = Reply.lookup(done, missing, "host");
        return reply.status() == 200 ? reply.withStatus(202) : reply;
    }

    private Reply tags(SandboxRequest request) {
        String example = "{\"action\": \"add\", \"device_ids\": [\"<device id>\"], \"tags\": [\"FalconGroupingTags/web\"]}";
        JsonNode body = request.jsonObject(example);
        String action = Bodies.text(body, "action");
        if (!"add".equals(action) && !"remove".equals(action)) {
            throw SandboxError.badRequest("body field 'action' must be add or remove, e.g. " + example);
        }
        List<String> ids = Bodies.requireStrings(body, example, "device_ids");
        List<String> tags = Bodies.requireStrings(body, example, "tags");
        for (String tag : tags) {
            if (!tag.startsWith(TAG_PREFIX) || tag.length() == TAG_PREFIX.length()) {
                throw SandboxError.badRequest("tags must be of the form " + TAG_PREFIX + "<name>, got \"" + tag + "\"");
            }
        }
        Fleet fleet = fleets.of(request);
        List<Object> results = fleet.locked(() -> {
            List<Object> list = new ArrayList<>();
            for (String id : ids) {
                FleetHost host = fleet.host(id, false);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("device_id", id);
                if (host == null) {
                    result.put("updated", false);
                    result.put("code", 404);
                    result.put("error", "host not found: " + id);
                } else {
                    boolean changed = false;
                    for (String tag : tags) {
                        changed |= action.equals("add") ? host.addTag(tag) : host.removeTag(tag);
                    }
                    result.put("updated", changed);
                    result.put("code", 200);
                }
                list.add(result);
            }
            fleet.membershipChanged();
            return list;
        });
        return Reply.ok(results);
    }
}
