package dev.falconharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of {@code falcon batch}: a JSON line {@code {"op": "GetRoles", "params": {"ids": ["a"]},
 * "body": {...}}} with its line number. {@code params} values are strings, numbers, booleans or arrays
 * of them, exactly as {@code Harness.command} takes them.
 *
 * @param number the line's number in the input, counting from 1 (blank and comment lines included)
 * @param op     the operation ID
 * @param params the arguments by parameter name
 * @param body   the JSON body, or null
 */
record BatchLine(long number, String op, Map<String, Object> params, JsonNode body) {
    private static final Set<String> KEYS = Set.of("op", "params", "body");

    /** Parses one line; throws a {@link CommandFailure} naming the problem (reported for that line). */
    static BatchLine parse(long number, String text, ObjectMapper mapper) {
        JsonNode call;
        try {
            call = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw CommandFailure.usage("not a JSON object: " + e.getOriginalMessage());
        }
        if (call == null || !call.isObject()) {
            throw CommandFailure.usage("expected a JSON object like {\"op\": \"GetRoles\", \"params\": {\"ids\": [\"a\"]}}");
        }
        for (Iterator<String> names = call.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw CommandFailure.usage("unknown key \"" + name + "\"; a line has op, params and body");
            }
        }
        if (!call.path("op").isTextual() || call.get("op").asText().isBlank()) {
            throw CommandFailure.usage("\"op\" is missing: give the operation ID, e.g. \"op\": \"GetRoles\"");
        }
        JsonNode params = call.path("params");
        if (!params.isMissingNode() && !params.isObject()) {
            throw CommandFailure.usage("\"params\" must be an object of name: value");
        }
        JsonNode body = call.get("body");
        return new BatchLine(number, call.get("op").asText(), params(params, mapper), body == null || body.isNull() ? null : body);
    }

    private static Map<String, Object> params(JsonNode params, ObjectMapper mapper) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isArray() ? mapper.convertValue(value, List.class)
                    : value.isTextual() ? value.asText() : mapper.convertValue(value, Object.class));
        });
        return values;
    }
}
