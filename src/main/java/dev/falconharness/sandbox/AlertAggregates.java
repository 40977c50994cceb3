package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PostAggregatesAlertsV2}: a list of aggregation requests ({@code detectsapi.AggregateAlertQueryRequest}),
 * each answered by one result {@code {name, buckets, sum_other_doc_count}} over the alerts its own
 * {@code filter} and {@code q} select. Types: {@code terms} (buckets of {@code label} and {@code count}, the
 * biggest {@code size} first), {@code date_histogram} ({@link AlertHistogram}), {@code range} and
 * {@code date_range} (one bucket per range, {@code from} inclusive, {@code to} exclusive) and
 * {@code cardinality} (the number of distinct values). A field left at its zero value ({@code ""}, 0,
 * {@code []}) counts as not given, as the API's Go decoder sees it. One instance per request.
 */
final class AlertAggregates {
    static final List<String> TYPES = List.of("terms", "date_histogram", "range", "date_range", "cardinality");
    static final Set<String> TIME_FIELDS = Set.of("created_timestamp", "updated_timestamp", "timestamp",
            "crawled_timestamp", "device.first_seen", "device.last_seen");
    static final Set<String> NUMBER_FIELDS = Set.of("severity", "confidence", "pattern_id", "seconds_to_triaged",
            "seconds_to_resolved");
    private static final String EXAMPLE = "[{\"name\": \"by_status\", \"type\": \"terms\", \"field\": \"status\","
            + " \"size\": 10}]";

    private final Fleet fleet;
    private final boolean includeHidden;

    AlertAggregates(Fleet fleet, boolean includeHidden) {
        this.fleet = fleet;
        this.includeHidden = includeHidden;
    }

    Reply answer(SandboxRequest request) {
        JsonNode body = request.jsonObject(EXAMPLE);
        if (!body.isArray() || body.isEmpty()) {
            throw SandboxError.badRequest("the body must be a non-empty list of aggregation requests, e.g. " + EXAMPLE);
        }
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            results.add(aggregate(body.get(i), "[" + i + "]"));
        }
        return Reply.ok(results);
    }

    private Map<String, Object> aggregate(JsonNode spec, String where) {
        if (!spec.isObject()) {
            throw SandboxError.badRequest("aggregation request " + where + " must be an object, e.g. " + EXAMPLE);
        }
        String type = text(spec, "type");
        if (!TYPES.contains(type)) {
            throw SandboxError.badRequest(where + ".type must be one of " + String.join(", ", TYPES) + ", got \"" + type
                    + "\"");
        }
        String field = field(spec, where, type);
        for (String unsupported : List.of("include", "exclude")) {
            if (!text(spec, unsupported).isEmpty()) {
                throw SandboxError.badRequest(where + "." + unsupported + " is not supported by the sandbox; narrow the"
                        + " alerts with 'filter' instead");
            }
        }
        if (spec.path("sub_aggregates").size() > 0) {
            throw SandboxError.badRequest(where + ".sub_aggregates is not supported by the sandbox; send one"
                    + " aggregation per filter instead");
        }
        List<Map<String, String>> alerts = fleet.locked(() -> fleet.alerts()
                .select(AlertOperations.matching(text(spec, "filter"), text(spec, "q"), includeHidden), null)
                .stream().map(FleetAlert::fields).toList());
        String name = text(spec, "name").isEmpty() ? field : text(spec, "name");
        return switch (type) {
            case "terms" -> TermsAggregation.of(spec, where, name, field, alerts);
            case "date_histogram" -> new AlertHistogram(spec, where, field).result(name, alerts);
            case "cardinality" -> result(name, List.of(bucket(distinct(field, alerts).size())), 0);
            default -> ranges(spec, where, name, field, type, alerts, fleet.clock().instant());
        };
    }

    private static String field(JsonNode spec, String where, String type) {
        String field = text(spec, "field");
        Set<String> allowed = switch (type) {
            case "date_histogram", "date_range" -> TIME_FIELDS;
            case "range" -> NUMBER_FIELDS;
            default -> AlertOperations.FIELDS;
        };
        if (!allowed.contains(field)) {
            throw SandboxError.badRequest(where + ".field of a " + type + " aggregation must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ", got \"" + field + "\"");
        }
        return field;
    }

    private static Map<String, Object> ranges(JsonNode spec, String where, String name, String field, String type,
            List<Map<String, String>> alerts, Instant now) {
        boolean dates = type.equals("date_range");
        JsonNode list = spec.path(dates ? "date_ranges" : "ranges");
        if (!list.isArray() || list.isEmpty()) {
            throw SandboxError.badRequest(where + (dates ? ".date_ranges needs [{\"from\": \"2026-10-01\", \"to\":"
                    + " \"2026-10-15\"}]" : ".ranges needs [{\"From\": 0, \"To\": 50}]") + " for a " + type + " aggregation");
        }
        List<Object> buckets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode range = list.get(i);
            String at = where + (dates ? ".date_ranges[" : ".ranges[") + i + "]";
            String from = dates ? text(range, "from") : range.path("From").asText("");
            String to = dates ? text(range, "to") : range.path("To").asText("");
            java.util.function.Predicate<String> inside = dates ? between(from, to, now, at)
                    : between(from.isEmpty() ? null : range.path("From").asDouble(), to.isEmpty() ? null : range.path("To").asDouble());
            long count = alerts.stream().map(a -> a.get(field)).filter(v -> v != null && !v.isEmpty() && inside.test(v)).count();
            Map<String, Object> bucket = labelled(from + "-" + to, count);
            if (dates) {
                bucket.put("string_from", from);
                bucket.put("string_to", to);
            } else {
                bucket.put("from", range.path("From").asDouble());
                bucket.put("to", range.path("To").asDouble());
            }
            buckets.add(bucket);
        }
        return result(name, buckets, 0);
    }

    /** Times from {@code from} (inclusive) to {@code to} (exclusive), each read by {@link DateMath}; blank is open. */
    private static java.util.function.Predicate<String> between(String from, String to, Instant now, String where) {
        Instant low = from.isEmpty() ? null : DateMath.instant(from, now, where + ".from");
        Instant high = to.isEmpty() ? null : DateMath.instant(to, now, where + ".to");
        return value -> {
            Instant t;
            try {
                t = Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
            return (low == null || !t.isBefore(low)) && (high == null || t.isBefore(high));
        };
    }

    /** Numbers from {@code from} (inclusive) to {@code to} (exclusive); null is open. */
    private static java.util.function.Predicate<String> between(Double from, Double to) {
        return value -> {
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return false;
            }
            return (from == null || v >= from) && (to == null || v < to);
        };
    }

    private static Set<String> distinct(String field, List<Map<String, String>> alerts) {
        Set<String> seen = new HashSet<>();
        alerts.forEach(a -> values(a.get(field)).stream().filter(v -> !v.isEmpty()).forEach(seen::add));
        return seen;
    }

    /** The values of a field, a multi-valued one split at {@link Fql#MULTI}. */
    static List<String> values(String value) {
        if (value == null || value.isEmpty()) {
            return List.of("");
        }
        return value.indexOf(Fql.MULTI.charAt(0)) < 0 ? List.of(value) : List.of(value.split(Fql.MULTI));
    }

    static Map<String, Object> result(String name, List<Object> buckets, long other) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("buckets", buckets);
        result.put("sum_other_doc_count", other);
        return result;
    }

    static Map<String, Object> labelled(Object label, long count) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("label", label);
        bucket.put("count", count);
        return bucket;
    }

    private static Map<String, Object> bucket(long distinct) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("count", distinct);
        bucket.put("value", (double) distinct);
        return bucket;
    }


    /** A string field of the request, {@code ""} when absent; a 400 when it is not a string. */
    static String text(JsonNode spec, String name) {
        String value = Bodies.text(spec, name);
        return value == null ? "" : value.strip();
    }
}
