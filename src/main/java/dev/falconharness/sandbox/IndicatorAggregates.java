package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code indicator_aggregate_v1}: a {@code terms} aggregation (how many indicators have each value of a
 * field, e.g. per type, action or severity) over the indicators the query's and the body's filters select.
 * Fields left out or empty (0, "", false, [], or objects of only such values, as Go's decoder leaves them)
 * mean "not set". Other aggregation types and sub-aggregations are refused with a 400 that says what the
 * sandbox reads, rather than answered wrongly. Stateless; runs under the fleet's lock.
 */
final class IndicatorAggregates {
    static final String EXAMPLE = "{\"type\": \"terms\", \"field\": \"type\", \"name\": \"by_type\", \"size\": 10}";
    private static final List<String> UNSUPPORTED = List.of("date_ranges", "ranges", "sub_aggregates", "include",
            "exclude", "q", "interval", "percents", "time_zone", "filters_spec", "extended_bounds");

    private IndicatorAggregates() {
    }

    /** The aggregation the body asks for, checked before the fleet is locked. */
    record Request(String name, String field, JsonNode spec, Predicate<Map<String, String>> bodyFilter) {
    }

    static Request read(JsonNode body) {
        String type = Bodies.text(body, "type");
        if (!"terms".equals(type)) {
            throw SandboxError.badRequest("the sandbox aggregates indicators by 'terms' only, got type "
                    + (type == null || type.isEmpty() ? "nothing" : "\"" + type + "\"") + ", e.g. " + EXAMPLE);
        }
        String field = Bodies.text(body, "field");
        if (field == null || !IndicatorOperations.FIELDS.contains(field)) {
            throw SandboxError.badRequest("'field' must be one of " + String.join(", ",
                    IndicatorOperations.FIELDS.stream().sorted().toList()) + ", got "
                    + (field == null || field.isEmpty() ? "nothing" : "\"" + field + "\""));
        }
        for (String name : UNSUPPORTED) {
            if (!blank(body.path(name))) {
                throw SandboxError.badRequest("the sandbox's terms aggregation does not read '" + name + "'; leave it"
                        + " empty (it reads type, field, name, size, from, sort, min_doc_count, max_doc_count, missing"
                        + " and filter)");
            }
        }
        int size = body.path("size").asInt(0);
        if (size < 0) {
            throw SandboxError.badRequest("'size' must be 0 or more (0 means the default, "
                    + TermsAggregation.DEFAULT_SIZE + "), got " + size);
        }
        String name = Bodies.text(body, "name");
        String filter = Bodies.text(body, "filter");
        return new Request(name == null || name.isBlank() ? field : name, field, body,
                Fql.filter(filter, IndicatorOperations.FIELDS));
    }

    /** Absent, null, "", 0, false, or a container of only such values: what a client sends for "not set". */
    private static boolean blank(JsonNode value) {
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (!blank(child)) {
                    return false;
                }
            }
            return true;
        }
        return value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()
                || value.isNumber() && value.asDouble() == 0 || value.isBoolean() && !value.asBoolean();
    }

    /** The buckets of the matching indicators ({@link TermsAggregation}); one result. */
    static Reply answer(Request request, List<Map<String, String>> matching) {
        List<Map<String, String>> selected = new ArrayList<>();
        for (Map<String, String> fields : matching) {
            if (request.bodyFilter().test(fields)) {
                selected.add(fields);
            }
        }
        return Reply.ok(List.of(TermsAggregation.of(request.spec(), "body", request.name(), request.field(), selected)));
    }
}
