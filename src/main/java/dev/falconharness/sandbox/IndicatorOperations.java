package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The IOC Management operations ({@code ioc} collection) on each customer's {@link Indicators}: search
 * (IDs or entities) with FQL, sort, integer offsets (refused past 10,000 as the API refuses them) or
 * {@code after} cursors (no ceiling); get; create and update with the API's checks on every indicator,
 * all or nothing; delete by IDs or by filter; {@code terms} aggregates. {@code from_parent} reads an MSSP
 * child's parent's indicators. Changes are stamped with the fleet's clock and the caller's API client. Thread-safe: every
 * handler works under the fleet's lock.
 */
final class IndicatorOperations {
    /** The fields FQL may filter and sort indicators on (the documented sort fields among them). */
    static final Set<String> FIELDS = Set.of("id", "type", "value", "action", "severity", "severity_number",
            "mobile_action", "platforms", "tags", "host_groups", "applied_globally", "description", "source",
            "metadata.filename", "metadata.filename.raw", "metadata.av_hits", "metadata.company_name.raw",
            "metadata.original_filename.raw", "metadata.product_name.raw", "metadata.product_version", "expiration",
            "expired", "from_parent", "created_on", "created_by", "modified_on", "modified_by");
    static final String DEFAULT_SORT = "created_on.asc";
    static final int MAX_LIMIT = 10_000;
    private static final String CREATE_EXAMPLE = "{\"comment\": \"why\", \"indicators\": [{\"type\": \"domain\","
            + " \"value\": \"bad.example.com\", \"action\": \"detect\", \"severity\": \"high\", \"platforms\": [\"windows\"],"
            + " \"applied_globally\": true}]}";
    private static final String UPDATE_EXAMPLE = "{\"indicators\": [{\"id\": \"<indicator id>\", \"severity\": \"low\"}],"
            + " \"bulk_update\": {}}";

    private final Fleets fleets;

    IndicatorOperations(Fleets fleets) {
        this.fleets = fleets;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("indicator_search_v1", r -> search(r, false));
        handlers.put("indicator_combined_v1", r -> search(r, true));
        handlers.put("indicator_get_v1", this::get);
        handlers.put("indicator_create_v1", this::create);
        handlers.put("indicator_update_v1", this::update);
        handlers.put("indicator_delete_v1", this::delete);
        handlers.put("indicator_aggregate_v1", this::aggregate);
        return handlers;
    }

    private Reply search(SandboxRequest request, boolean entities) {
        Predicate<Map<String, String>> filter = Fql.filter(request.query("filter"), FIELDS);
        String sort = request.query("sort") == null ? DEFAULT_SORT : request.query("sort");
        AfterPaging listing = AfterPaging.of(sort, FIELDS, "id");
        int limit = request.integer("limit", 100, 1, MAX_LIMIT);
        String after = request.query("after");
        if (after != null && request.query("offset") != null) {
            throw SandboxError.badRequest("offset and after are mutually exclusive; page with after (from"
                    + " meta.pagination.after) to go past 10,000 indicators");
        }
        int offset = request.integer("offset", 0, 0, Integer.MAX_VALUE);
        Paging.checkCeiling(offset, limit, "page with after (from meta.pagination.after) to go further");
        AfterCursor cursor = after == null ? null : AfterCursor.decode(after, sort);
        boolean fromParent = request.bool("from_parent", false);
        Fleet caller = fleets.of(request);
        Fleet owner = owner(caller, fromParent);
        Instant now = caller.clock().instant();
        return owner.locked(() -> listing.page(owner.indicators().select(filter, listing.order(), now, fromParent),
                cursor, offset, limit, i -> Indicators.view(i, now, fromParent),
                i -> entities ? i.json(now, fromParent) : i.id));
    }

    /**
     * Whose indicators a request reads: the caller's own, or with {@code from_parent} those of its MSSP parent
     * (a customer without a parent has none to read, so an empty store stands in).
     */
    private Fleet owner(Fleet caller, boolean fromParent) {
        if (!fromParent) {
            return caller;
        }
        return caller == fleets.parent() ? NO_PARENT : fleets.parent();
    }

    /** A customer with no hosts and no indicators: what an MSSP parent's own parent looks like. */
    private static final Fleet NO_PARENT = new Fleet(0, 0, "", java.time.Clock.systemUTC(), FleetSeed.GENERATED);

    private Reply get(SandboxRequest request) {
        List<String> ids = request.requireQueryList("ids", "indicator IDs, e.g. ids=<indicator id> (indicator_search_v1"
                + " finds them)");
        Fleet fleet = fleets.of(request);
        Instant now = fleet.clock().instant();
        return fleet.locked(() -> {
            List<Object> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                Indicator indicator = fleet.indicators().get(id);
                if (indicator == null) {
                    missing.add(id);
                } else {
                    found.add(indicator.json(now, false));
                }
            }
            return Reply.lookup(found, missing, "indicator");
        });
    }

    private Reply create(SandboxRequest request) {
        JsonNode body = request.jsonObject(CREATE_EXAMPLE);
        request.bool("retrodetects", false);
        request.bool("ignore_warnings", false);
        JsonNode items = body.path("indicators");
        if (!items.isArray() || items.isEmpty()) {
            throw SandboxError.badRequest("the body needs a non-empty 'indicators' array, e.g. " + CREATE_EXAMPLE);
        }
        Fleet fleet = fleets.of(request);
        Instant now = fleet.clock().instant();
        return fleet.locked(() -> {
            Indicators store = fleet.indicators();
            Set<String> groupIds = groupIds(fleet);
            Set<String> keys = new HashSet<>();
            List<Map<String, Object>> errors = new ArrayList<>();
            List<Accepted> accepted = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                List<String> problems = new ArrayList<>();
                IndicatorRules.Settings settings = IndicatorRules.read(item, problems);
                String type = lower(Bodies.text(item, "type"));
                String value = Bodies.text(item, "value");
                IndicatorRules.checkTypeAndValue(type, value, problems);
                IndicatorRules.checkSettings(type, settings, null, groupIds, now, problems);
                String normal = problems.isEmpty() ? IndicatorRules.normalise(type, value) : null;
                if (normal != null && (store.withKey(type, normal) != null || !keys.add(Indicator.key(type, normal)))) {
                    problems.add("value: Duplicate type: '" + type + "' and value: '" + normal + "' combination;"
                            + " update the existing indicator (indicator_update_v1) instead of creating it again");
                }
                String label = "indicators[" + i + "]" + (type == null || value == null ? "" : " (" + type + " "
                        + IndicatorRules.abbreviate(value) + ")");
                problems.forEach(p -> errors.add(Reply.error(400, label + "." + p, null)));
                accepted.add(new Accepted(type, normal, settings));
            }
            if (!errors.isEmpty()) {
                return new Reply(400, List.of(), errors, null, null, Map.of(), null);
            }
            List<Object> made = new ArrayList<>();
            for (Accepted one : accepted) {
                Indicator indicator = new Indicator(store.newId(), one.type(), one.value(), now.toString(),
                        FalconSandbox.CLIENT_ID);
                indicator.apply(one.settings());
                store.add(indicator);
                made.add(indicator.json(now, false));
            }
            return Reply.created(made);
        });
    }

    /** One indicator of a create request that passed its checks, stored once the whole request has. */
    private record Accepted(String type, String value, IndicatorRules.Settings settings) {
    }

    private Reply update(SandboxRequest request) {
        JsonNode body = request.jsonObject(UPDATE_EXAMPLE);
        request.bool("retrodetects", false);
        request.bool("ignore_warnings", false);
        JsonNode items = body.path("indicators");
        JsonNode bulk = body.path("bulk_update");
        String bulkFilter = bulk.isObject() ? Bodies.text(bulk, "filter") : null;
        if ((!items.isArray() || items.isEmpty()) && (bulkFilter == null || bulkFilter.isBlank())) {
            throw SandboxError.badRequest("nothing to update: list indicators with their 'id' and the fields to change,"
                    + " or give bulk_update a 'filter' and the fields to change, e.g. " + UPDATE_EXAMPLE);
        }
        Predicate<Map<String, String>> selected = bulkFilter == null ? null : Fql.filter(bulkFilter, FIELDS);
        Fleet fleet = fleets.of(request);
        Instant now = fleet.clock().instant();
        return fleet.locked(() -> IndicatorUpdate.apply(fleet, items, bulk, selected, now));
    }

    private Reply delete(SandboxRequest request) {
        request.query("comment");
        if (request.bool("from_parent", false)) {
            throw SandboxError.badRequest("indicators inherited from an MSSP parent cannot be deleted by the child;"
                    + " delete them with the parent's credentials, or leave from_parent out");
        }
        String filterText = request.query("filter");
        List<String> ids = request.queryList("ids");
        if (filterText == null && ids.isEmpty()) {
            throw SandboxError.badRequest("say which indicators to delete: ids=<indicator id> (repeatable), or an FQL"
                    + " filter such as filter=tags:'old-campaign'");
        }
        Predicate<Map<String, String>> filter = filterText == null ? null : Fql.filter(filterText, FIELDS);
        Fleet fleet = fleets.of(request);
        Instant now = fleet.clock().instant();
        return fleet.locked(() -> {
            Indicators store = fleet.indicators();
            List<Object> deleted = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            // As documented: when both are given, the filter wins and the IDs are ignored.
            List<String> targets = filter == null ? ids
                    : store.select(filter, Fql.sort(DEFAULT_SORT, null, FIELDS), now, false).stream().map(i -> i.id).toList();
            for (String id : targets) {
                Indicator gone = store.remove(id);
                if (gone == null) {
                    missing.add(id);
                } else {
                    deleted.add(gone.id);
                }
            }
            return Reply.lookup(deleted, missing, "indicator");
        });
    }

    private Reply aggregate(SandboxRequest request) {
        IndicatorAggregates.Request wanted = IndicatorAggregates.read(request.jsonObject(IndicatorAggregates.EXAMPLE));
        Predicate<Map<String, String>> filter = Fql.filter(request.query("filter"), FIELDS);
        boolean fromParent = request.bool("from_parent", false);
        Fleet caller = fleets.of(request);
        Fleet owner = owner(caller, fromParent);
        Instant now = caller.clock().instant();
        return owner.locked(() -> {
            List<Map<String, String>> matching = new ArrayList<>();
            for (Indicator indicator : owner.indicators().all()) {
                Map<String, String> view = Indicators.view(indicator, now, fromParent);
                if (filter.test(view)) {
                    matching.add(view);
                }
            }
            return IndicatorAggregates.answer(wanted, matching);
        });
    }

    static Set<String> groupIds(Fleet fleet) {
        Set<String> ids = new HashSet<>();
        fleet.groups().all().forEach(g -> ids.add(g.id));
        return ids;
    }

    private static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
