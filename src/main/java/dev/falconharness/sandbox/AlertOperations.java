package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Alerts operations on the {@link Fleet}'s alerts: FQL queries with offset paging (refused past 10,000,
 * as the API refuses them) and free-text {@code q}, whole alerts by FQL with {@code after} cursors and no
 * ceiling ({@code PostCombinedAlertsV1}), details by composite ID, triage actions, and aggregations
 * ({@link AlertAggregates}). {@code include_hidden} defaults to true, as the API documents it;
 * {@code include_hidden=false} leaves out alerts whose {@code show_in_ui} is false. Thread-safe: every
 * handler works under the fleet's lock.
 */
final class AlertOperations {
    /**
     * The fields FQL may filter, sort and aggregate alerts on: those the alerts keep, and every other scalar
     * field {@code detects.Alert} documents ({@link DocumentedFields}).
     */
    static final Set<String> FIELDS = DocumentedFields.with(List.of("composite_id", "id", "cid", "agent_id", "aggregate_id", "status", "severity",
            "severity_name", "confidence", "pattern_id", "name", "display_name", "description", "tactic", "tactic_id",
            "technique", "technique_id", "objective", "scenario", "product", "type", "platform", "filename", "filepath",
            "cmdline", "sha256", "user_name", "created_timestamp", "timestamp", "crawled_timestamp", "updated_timestamp",
            "assigned_to_uid", "assigned_to_uuid", "assigned_to_name", "tags", "comment", "show_in_ui", "resolution",
            "seconds_to_triaged", "seconds_to_resolved", "device.device_id", "device.cid", "device.hostname",
            "device.platform_name", "device.os_version", "device.product_type_desc", "device.agent_version",
            "device.first_seen", "device.last_seen", "device.external_ip", "device.local_ip", "device.mac_address",
            "device.system_manufacturer", "device.machine_domain", "device.status", "device.tags", "origin_cid",
            "falcon_host_link", "data_domains", "source_products", "source_vendors"), "detects.Alert");
    /** The most composite IDs one lookup or action takes. */
    static final int MAX_IDS = 1000;
    private static final String DEFAULT_SORT = "created_timestamp|desc";
    private static final String IDS_EXAMPLE = "{\"composite_ids\": [\"<composite id>\"]}";

    private final Fleets fleets;

    AlertOperations(Fleets fleets) {
        this.fleets = fleets;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("GetQueriesAlertsV2", this::query);
        handlers.put("PostCombinedAlertsV1", this::combined);
        handlers.put("PostEntitiesAlertsV2", this::entities);
        handlers.put("PatchEntitiesAlertsV3", this::patch);
        handlers.put("PostAggregatesAlertsV2", r -> new AlertAggregates(fleets.of(r), visible(r)).answer(r));
        return handlers;
    }

    /** Offset paging: {@code offset + limit} may not pass 10,000; {@code PostCombinedAlertsV1} pages further. */
    private Reply query(SandboxRequest request) {
        int offset = request.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = request.integer("limit", 100, 0, Paging.MAX_OFFSET);
        Paging.checkCeiling(offset, limit, "page further with PostCombinedAlertsV1 and its 'after' token");
        Predicate<Map<String, String>> filter = filter(request, request.query("filter"));
        Comparator<Map<String, String>> order = Fql.sort(request.query("sort"), DEFAULT_SORT, FIELDS);
        Fleet fleet = fleets.of(request);
        List<String> ids = fleet.locked(() -> fleet.alerts().select(filter, order).stream()
                .map(FleetAlert::compositeId).toList());
        return new Paging(offset, limit).reply(ids);
    }

    /**
     * {@code PostCombinedAlertsV1}: whole alerts matching the body's {@code filter}, in its {@code sort}
     * (default {@code created_timestamp|desc}), {@code limit} (1-1,000, default 100) at a time, each page
     * handing out the {@code after} cursor of the next; no 10,000 ceiling. The cursor holds the last alert's
     * sort value and composite ID, so every alert is seen once even as others change between pages.
     */
    private Reply combined(SandboxRequest request) {
        String example = "{\"filter\": \"status:'new'\", \"sort\": \"created_timestamp|desc\", \"limit\": 1000}";
        JsonNode body = request.jsonObject(example);
        String sortText = Bodies.text(body, "sort");
        String sort = sortText == null || sortText.isBlank() ? DEFAULT_SORT : sortText.strip();
        AfterPaging listing = AfterPaging.of(sort, FIELDS, "composite_id");
        JsonNode given = body.path("limit");
        boolean absent = given.isMissingNode() || given.isNull();
        if (!absent && !(given.isIntegralNumber() && given.canConvertToInt())) {
            throw SandboxError.badRequest("limit must be a whole number from 1 to 1000, got " + given + "; e.g. " + example);
        }
        // Go reads an absent limit as 0; the API then uses its default.
        int limit = absent || given.asInt() == 0 ? 100 : given.asInt();
        if (limit < 1 || limit > 1000) {
            throw SandboxError.badRequest("limit must be from 1 to 1000, got " + limit + "; e.g. " + example);
        }
        String after = Bodies.text(body, "after");
        AfterCursor cursor = after == null || after.isBlank() ? null : AfterCursor.decode(after, sort);
        Predicate<Map<String, String>> filter = matching(Bodies.text(body, "filter"), null, true);
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> listing.page(fleet.alerts().select(filter, listing.order()), cursor, null, limit,
                FleetAlert::fields, FleetAlert::json));
    }

    /** The request's FQL {@code filter}, its {@code q} and {@code include_hidden} as one test. */
    static Predicate<Map<String, String>> filter(SandboxRequest request, String fql) {
        return matching(fql, request.query("q"), visible(request));
    }

    static Predicate<Map<String, String>> matching(String fql, String q, boolean includeHidden) {
        Predicate<Map<String, String>> filter = Fql.filter(fql, FIELDS);
        Predicate<Map<String, String>> text = freeText(q);
        return f -> (includeHidden || "true".equals(f.get("show_in_ui"))) && filter.test(f) && text.test(f);
    }

    static boolean visible(SandboxRequest request) {
        return request.bool("include_hidden", true);
    }

    /** {@code q}: some field contains the text, ignoring case. */
    private static Predicate<Map<String, String>> freeText(String q) {
        if (q == null || q.isBlank()) {
            return f -> true;
        }
        String wanted = q.strip().toLowerCase(Locale.ROOT);
        return f -> f.values().stream().anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private Reply entities(SandboxRequest request) {
        List<String> ids = compositeIds(request);
        boolean hidden = visible(request);
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            Lookup lookup = find(fleet, ids, hidden);
            List<Object> found = new ArrayList<>(lookup.found().size());
            lookup.found().forEach(a -> found.add(a.json()));
            return Reply.lookup(found, lookup.missing(), "alert");
        });
    }

    /** The alerts of some composite IDs that the request may see, and the IDs it may not (or that are none). */
    private record Lookup(List<FleetAlert> found, List<String> missing) {
    }

    /** Looks the IDs up; call under the fleet's lock. */
    private static Lookup find(Fleet fleet, List<String> ids, boolean includeHidden) {
        List<FleetAlert> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            FleetAlert alert = fleet.alerts().get(id);
            if (alert == null || !(includeHidden || alert.shown())) {
                missing.add(id);
            } else {
                found.add(alert);
            }
        }
        return new Lookup(found, missing);
    }

    private static List<String> compositeIds(SandboxRequest request) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(Bodies.requireStrings(request.jsonObject(IDS_EXAMPLE),
                IDS_EXAMPLE, "composite_ids")));
        if (ids.size() > MAX_IDS) {
            throw SandboxError.badRequest("at most " + MAX_IDS + " composite_ids per request, got " + ids.size()
                    + "; split them into batches");
        }
        return ids;
    }

    /**
     * Applies every action to every alert, or refuses the whole request (400) when an ID is unknown or an
     * action is not valid, so nothing is half done. Tags are removed before others are added, as the API does.
     */
    private Reply patch(SandboxRequest request) {
        JsonNode body = request.jsonObject(AlertActions.EXAMPLE);
        List<String> ids = compositeIds(request);
        List<AlertActions.Action> actions = AlertActions.read(body.path("action_parameters"));
        boolean hidden = visible(request);
        Fleet fleet = fleets.of(request);
        return fleet.locked(() -> {
            Lookup lookup = find(fleet, ids, hidden);
            List<FleetAlert> alerts = lookup.found();
            List<String> unknown = lookup.missing();
            if (!unknown.isEmpty()) {
                throw SandboxError.badRequest("no alert has the composite ID(s) " + String.join(", ", unknown)
                        + "; nothing was changed (find composite IDs with GetQueriesAlertsV2)");
            }
            java.time.Instant now = fleet.clock().instant();
            for (FleetAlert alert : alerts) {
                actions.forEach(action -> action.apply(alert, now));
            }
            return Reply.ok(List.of()).withAffected(alerts.size());
        });
    }
}
