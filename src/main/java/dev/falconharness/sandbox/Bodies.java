package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of JSON request bodies that the operation's {@link BodyShape} has already checked and
 * stripped to the known fields; the type checks here guard handlers of operations without a shape.
 */
final class Bodies {
    private Bodies() {
    }

    /** The first of {@code names} present as a string; null if none is; 400 if one is not a string. */
    static String text(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.path(name);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw SandboxError.badRequest("body field '" + name + "' must be a string, got " + value);
            }
            return value.asText();
        }
        return null;
    }

    /** The first of {@code names} present as an array of strings; empty if none is. */
    static List<String> strings(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.path(name);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (!value.isArray()) {
                throw SandboxError.badRequest("body field '" + name + "' must be a list of strings, got " + value);
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw SandboxError.badRequest("body field '" + name + "' must hold non-empty strings, got " + item);
                }
                items.add(item.asText().strip());
            }
            return items;
        }
        return List.of();
    }

    /** Like {@link #strings} but at least one value is required. */
    static List<String> requireStrings(JsonNode body, String example, String... names) {
        List<String> values = strings(body, names);
        if (values.isEmpty()) {
            throw SandboxError.badRequest("the body needs '" + names[0] + "': a non-empty list, e.g. " + example);
        }
        return values;
    }
}
