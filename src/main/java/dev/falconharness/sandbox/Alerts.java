package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The alerts of one fleet, by composite ID. The store takes its starting alerts as a list
 * ({@link #generate} makes them from the fleet's seed, about one per five hosts; {@link #fromSeed} reads a
 * seed file's). Guarded by the fleet's lock: call it under {@link Fleet#locked}.
 */
final class Alerts {
    /** The analysts generated alerts are assigned to; the first is the sandbox's built-in administrator. */
    static final List<FleetAlert.Assignee> ANALYSTS = List.of(
            new FleetAlert.Assignee(DefaultCatalogue.ADMIN_UID, DefaultCatalogue.ADMIN_UUID, "Sandbox Admin"),
            new FleetAlert.Assignee("ana.analyst@example.com", "0b7e4c1a-3d2f-4a5b-8c6d-7e8f9a0b1c2d", "Ana Analyst"),
            new FleetAlert.Assignee("raj.responder@example.com", "1c8f5d2b-4e3a-4b6c-9d7e-8f9a0b1c2d3e", "Raj Responder"));
    /** One alert per this many hosts. */
    static final int HOSTS_PER_ALERT = 5;

    private static final String[] USERS = {"ana.silva", "li.wei", "sam.okafor", "eva.novak", "SYSTEM"};
    private static final long WINDOW_MILLIS = 30L * 86_400_000L;

    private final List<FleetAlert> all;
    private final Map<String, FleetAlert> byId;

    Alerts(List<FleetAlert> start) {
        this.all = new ArrayList<>(start);
        this.byId = new HashMap<>(start.size() * 2);
        for (FleetAlert alert : start) {
            if (byId.put(alert.compositeId(), alert) != null) {
                throw new IllegalArgumentException("two alerts have the composite ID " + alert.compositeId());
            }
        }
    }

    int size() {
        return all.size();
    }

    /** The alert with this composite ID, or null. */
    FleetAlert get(String compositeId) {
        return compositeId == null ? null : byId.get(compositeId.strip());
    }

    /** The alerts {@code filter} accepts, in {@code order} (generation order among equals). */
    List<FleetAlert> select(Predicate<Map<String, String>> filter, Comparator<Map<String, String>> order) {
        List<FleetAlert> matches = new ArrayList<>();
        for (FleetAlert alert : all) {
            if (filter.test(alert.fields())) {
                matches.add(alert);
            }
        }
        if (order != null) {
            matches.sort(Comparator.comparing(FleetAlert::fields, order));
        }
        return matches;
    }

    /**
     * The alerts of a seed file's {@code alerts} array, each read by {@link FleetAlert#fromSeed}; a record
     * names its host by {@code device_id} or by {@code hostname} (ignoring case).
     *
     * @throws IllegalArgumentException naming every problem with its JSON path
     */
    static List<FleetAlert> fromSeed(JsonNode list, List<FleetHost> hosts, String cid) {
        Map<String, FleetHost> byIdOrName = new HashMap<>();
        for (FleetHost host : hosts) {
            byIdOrName.put(host.deviceId(), host);
            byIdOrName.putIfAbsent("name:" + host.identity().hostname().toLowerCase(Locale.ROOT), host);
        }
        Function<String, Map<String, String>> lookup = id -> {
            FleetHost host = id == null ? null : byIdOrName.get(id.strip().toLowerCase(Locale.ROOT));
            return host == null ? null : host.fields();
        };
        List<String> problems = new ArrayList<>();
        List<FleetAlert> alerts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "$.alerts[" + i + "]";
            JsonNode record = byDeviceId(list.get(i), where, byIdOrName, problems);
            FleetAlert alert = record == null ? null : FleetAlert.fromSeed(record, where, problems, cid, lookup, i);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        SeedProblems.refuse(n -> "the sandbox seed's alerts have " + n + " problem(s)", problems);
        return alerts;
    }

    /**
     * The record with a {@code hostname} replaced by the {@code device_id} of the host of that name, or null
     * (and a problem) when no host has that name or the record gives both.
     */
    private static JsonNode byDeviceId(JsonNode node, String where, Map<String, FleetHost> hosts, List<String> problems) {
        if (!node.isObject() || !node.has("hostname")) {
            return node;
        }
        ObjectNode copy = node.deepCopy();
        JsonNode name = copy.remove("hostname");
        FleetHost host = name.isTextual() ? hosts.get("name:" + name.asText().strip().toLowerCase(Locale.ROOT)) : null;
        if (node.has("device_id")) {
            problems.add(where + ".hostname: give the host by device_id or by hostname, not both");
            return null;
        }
        if (host == null) {
            problems.add(where + ".hostname: no host of the fleet is named " + name);
            return null;
        }
        copy.put("device_id", host.deviceId());
        return copy;
    }

    /** One alert per {@value #HOSTS_PER_ALERT} hosts, each from its own random stream, on a host of the list. */
    static List<FleetAlert> generate(long seed, String cid, List<FleetHost> hosts) {
        int count = hosts.size() / HOSTS_PER_ALERT;
        List<FleetAlert> alerts = new ArrayList<>(count);
        Map<String, List<AlertPattern>> patterns = new HashMap<>();
        for (int i = 0; i < count; i++) {
            SplittableRandom r = new SplittableRandom((seed ^ 0x0A1E27L) * 0xC2B2AE3D27D4EB4FL + i);
            Map<String, String> host = hosts.get(r.nextInt(hosts.size())).fields();
            List<AlertPattern> fitting = patterns.computeIfAbsent(host.get("platform_name"),
                    platform -> AlertPattern.CATALOGUE.stream().filter(p -> p.fits(platform)).toList());
            alerts.add(generate(r, i, cid, host, fitting.get(r.nextInt(fitting.size()))));
        }
        return alerts;
    }

    private static FleetAlert generate(SplittableRandom r, int i, String cid, Map<String, String> host,
            AlertPattern pattern) {
        int severity = Math.max(1, Math.min(100, pattern.baseSeverity() + r.nextInt(11) - 5));
        Instant created = Fleet.REFERENCE.minusMillis(1 + r.nextLong(WINDOW_MILLIS));
        String number = (4_294_967_296L + r.nextInt(1 << 30)) + "-" + pattern.patternId() + "-"
                + ((i + 1) * 1000L + r.nextInt(1000));
        String sha256 = hex(r.nextLong()) + hex(r.nextLong()) + hex(r.nextLong()) + hex(r.nextLong());
        FleetAlert.Identity identity = new FleetAlert.Identity(cid, number, pattern, severity, 10 + r.nextInt(91),
                created, sha256, USERS[r.nextInt(USERS.length)], host);
        int roll = r.nextInt(10);
        String status = roll < 5 ? "new" : roll < 7 ? "in_progress" : roll < 9 ? "closed" : "reopened";
        FleetAlert.Assignee assignee = status.equals("new") ? FleetAlert.Assignee.NOBODY
                : ANALYSTS.get(r.nextInt(ANALYSTS.size()));
        Instant updated = status.equals("new") ? created
                : min(created.plusSeconds(60 + r.nextLong(3L * 86_400)), Fleet.REFERENCE);
        String resolution = !status.equals("closed") ? "" : r.nextInt(4) == 0 ? "false_positive" : "true_positive";
        List<String> tags = r.nextInt(4) == 0 ? List.of("ticket/INC-" + (1000 + r.nextInt(9000))) : List.of();
        return new FleetAlert(identity, status, assignee, tags, r.nextInt(20) != 0, resolution, updated);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String hex(long value) {
        String text = Long.toHexString(value);
        return "0".repeat(16 - text.length()) + text;
    }
}
