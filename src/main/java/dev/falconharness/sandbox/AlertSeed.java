package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads one alert of a seed file ({@link FleetAlert#fromSeed}), collecting every problem with its JSON
 * path instead of stopping at the first. The record names a host and a detection pattern and may set what
 * analysts change; everything else is derived, as for generated alerts:
 *
 * <pre>{@code
 * {"device_id": "<a host of the fleet>", "pattern_id": 10197, "severity": 92, "status": "in_progress",
 *  "created_timestamp": "2026-10-20T08:00:00Z", "assigned_to_uid": "ana.analyst@example.com",
 *  "tags": ["ticket/INC-1234"], "comments": ["Escalated to IR"], "show_in_ui": true}
 * }</pre>
 */
final class AlertSeed {
    static final Set<String> FIELDS = new TreeSet<>(List.of("device_id", "pattern_id", "severity", "confidence",
            "status", "created_timestamp", "updated_timestamp", "assigned_to_uid", "assigned_to_uuid",
            "assigned_to_name", "tags", "comments", "show_in_ui", "resolution", "user_name"));
    static final List<String> RESOLUTIONS = List.of("", "true_positive", "false_positive", "ignored");

    private final JsonNode node;
    private final String where;
    private final List<String> problems;
    private final int before;

    private AlertSeed(JsonNode node, String where, List<String> problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        this.before = problems.size();
    }

    static FleetAlert read(JsonNode node, String where, List<String> problems, String cid,
            Function<String, Map<String, String>> hosts, int index) {
        if (node == null || !node.isObject()) {
            problems.add(where + ": expected an object such as {\"device_id\": \"<host id>\", \"pattern_id\": 10197}");
            return null;
        }
        return new AlertSeed(node, where, problems).alert(cid, hosts, index);
    }

    private FleetAlert alert(String cid, Function<String, Map<String, String>> hosts, int index) {
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problem(name, "unknown field; allowed: " + String.join(", ", FIELDS));
            }
        });
        String deviceId = text("device_id", null);
        Map<String, String> host = deviceId == null ? null : hosts.apply(deviceId);
        if (deviceId != null && host == null) {
            problem("device_id", "no host of the fleet has the ID \"" + deviceId + "\"; use a device_id the fleet lists");
        }
        AlertPattern pattern = pattern();
        if (pattern != null && host != null && !pattern.fits(host.get("platform_name"))) {
            List<String> fitting = AlertPattern.CATALOGUE.stream().filter(p -> p.fits(host.get("platform_name")))
                    .map(p -> String.valueOf(p.patternId())).toList();
            problem("pattern_id", pattern.patternId() + " (" + pattern.name() + ") is not a detection on "
                    + host.get("platform_name") + " hosts; use one of " + String.join(", ", fitting));
        }
        int severity = number("severity", pattern == null ? 50 : pattern.baseSeverity());
        int confidence = number("confidence", 80);
        String status = oneOf("status", "new", FleetAlert.STATUSES);
        String resolution = oneOf("resolution", "", RESOLUTIONS);
        Instant created = instant("created_timestamp", Fleet.REFERENCE.minusSeconds(86_400L + 60L * index));
        Instant updated = instant("updated_timestamp", created);
        if (updated.isBefore(created)) {
            problem("updated_timestamp", "is before created_timestamp; an alert is updated after it is created");
        }
        FleetAlert.Assignee assignee = new FleetAlert.Assignee(text("assigned_to_uid", ""),
                text("assigned_to_uuid", ""), text("assigned_to_name", ""));
        List<String> tags = strings("tags");
        List<String> comments = strings("comments");
        boolean shown = bool("show_in_ui");
        String userName = text("user_name", "SYSTEM");
        if (problems.size() > before || host == null || pattern == null) {
            return null;
        }
        SplittableRandom r = new SplittableRandom(index * 0x9E3779B97F4A7C15L + pattern.patternId());
        String number = (4_294_967_296L + index) + "-" + pattern.patternId() + "-" + (index + 1) * 1000L;
        String sha256 = String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
        FleetAlert alert = new FleetAlert(new FleetAlert.Identity(cid, number, pattern, severity, confidence, created,
                sha256, userName, host), status, assignee, tags, shown, resolution, updated);
        comments.forEach(c -> alert.appendComment(c, updated));
        return alert;
    }

    private AlertPattern pattern() {
        JsonNode value = node.path("pattern_id");
        AlertPattern pattern = value.isInt() ? AlertPattern.byId(value.asInt()) : null;
        if (pattern == null) {
            List<String> known = AlertPattern.CATALOGUE.stream().map(p -> p.patternId() + " (" + p.name() + ")").toList();
            problem("pattern_id", (value.isMissingNode() ? "required" : "unknown pattern " + value)
                    + "; one of " + String.join(", ", known));
        }
        return pattern;
    }

    private String text(String field, String fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (fallback == null) {
                problem(field, "required");
            }
            return fallback;
        }
        if (!value.isTextual() || (fallback == null && value.asText().isBlank())) {
            problem(field, "expected a non-empty string, got " + value);
            return fallback;
        }
        return value.asText();
    }

    private int number(String field, int fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > 100) {
            problem(field, "expected a whole number from 1 to 100, got " + value);
            return fallback;
        }
        return value.asInt();
    }

    private String oneOf(String field, String fallback, List<String> allowed) {
        String value = text(field, fallback);
        if (!allowed.contains(value)) {
            problem(field, "expected one of " + String.join(", ", allowed.stream().filter(a -> !a.isEmpty()).toList())
                    + ", got \"" + value + "\"");
            return fallback;
        }
        return value;
    }

    private Instant instant(String field, Instant fallback) {
        String text = text(field, "");
        try {
            return text.isEmpty() ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, "expected an ISO-8601 instant such as 2026-10-20T08:00:00Z, got \"" + text + "\"");
            return fallback;
        }
    }

    private List<String> strings(String field) {
        JsonNode value = node.path(field);
        List<String> items = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            problem(field, "expected a list of strings, got " + value);
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                problem(field + "[" + i + "]", "expected a non-empty string, got " + value.get(i));
            } else {
                items.add(value.get(i).asText());
            }
        }
        return items;
    }

    private boolean bool(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            problem(field, "expected true or false, got " + value);
        }
        return value.asBoolean(true);
    }

    private void problem(String field, String what) {
        problems.add(where + "." + field + ": " + what);
    }
}
