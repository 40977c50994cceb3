package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The problems found while reading a seed file, each as {@code <JSON path>: what is wrong}, and the small
 * typed reads that add to them instead of stopping, so one reading reports every problem of a file.
 * Not thread-safe; one per reading.
 */
final class SeedProblems {
    private final List<String> problems = new ArrayList<>();

    /**
     * Refuses a seed with these problems (none: returns): an {@link IllegalArgumentException} whose message
     * is the heading for their number, then one problem a line.
     */
    static void refuse(IntFunction<String> heading, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(heading.apply(problems.size()) + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    void add(String problem) {
        problems.add(problem);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    /** The node when it is an array, else an empty one and a problem. */
    JsonNode array(JsonNode node, String where) {
        if (!node.isArray()) {
            add(where + ": expected an array");
            return JsonNodeFactory.instance.arrayNode();
        }
        return node;
    }

    /** Adds a problem for each field of {@code node} not in {@code allowed}; false when it is no object. */
    boolean fields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            add(where + ": expected an object");
            return false;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                add(where + "." + name + ": unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
        return true;
    }

    /** A string field, or null when absent (a problem when {@code required}) or not a non-empty string. */
    String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                add(where + "." + field + ": required");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            add(where + "." + field + ": expected a non-empty string, got " + value);
            return null;
        }
        return value.asText();
    }

    /** A string field that must be one of {@code allowed} (ignoring case, returned as spelt there), or null. */
    String oneOf(JsonNode node, String field, String where, Collection<String> allowed) {
        String value = text(node, field, where, false);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        add(where + "." + field + ": \"" + value + "\" is not one of " + String.join(", ", allowed));
        return null;
    }

    /** An ISO-8601 instant field, or null. */
    Instant instant(JsonNode node, String field, String where) {
        String text = text(node, field, where, false);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            add(where + "." + field + ": expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, got \"" + text + "\"");
            return null;
        }
    }

    /** An array of strings, or an empty list (with a problem when it is something else). */
    List<String> strings(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonNode list = array(value, where + "." + field);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual() && !list.get(i).asText().isBlank()) {
                out.add(list.get(i).asText());
            } else {
                add(where + "." + field + "[" + i + "]: expected a non-empty string, got " + list.get(i));
            }
        }
        return out;
    }
}
