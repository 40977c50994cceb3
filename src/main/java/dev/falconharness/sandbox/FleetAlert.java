package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One alert of the {@link Fleet}: an endpoint detection ({@code product: epp}) on one of its hosts. What the
 * sensor saw never changes ({@link Identity}); what analysts change with {@code PatchEntitiesAlertsV3}
 * (status, assignment, tags, comments, {@code show_in_ui}) does, and each change moves
 * {@code updated_timestamp}. Guarded by the fleet's lock; {@link #fields()} is cached until the next change
 * because an FQL query reads every alert.
 */
final class FleetAlert {
    /** The statuses an alert moves through, as {@code update_status} takes them. */
    static final List<String> STATUSES = List.of("new", "in_progress", "closed", "reopened");
    /** The host fields an alert's {@code device} shows. */
    static final List<String> DEVICE_FIELDS = List.of("device_id", "cid", "hostname", "platform_name", "os_version",
            "product_type_desc", "agent_version", "first_seen", "last_seen", "external_ip", "local_ip", "mac_address",
            "system_manufacturer", "machine_domain", "status", "tags");

    /**
     * Fields fixed when the alert fired.
     *
     * @param number   the part of the composite ID after the device ID, {@code <tree>-<pattern>-<sequence>}
     * @param pattern  the detection pattern (name, tactic, technique...)
     * @param device   the host as it was when the alert fired: its {@link FleetHost#fields()}, which the host
     *                 replaces rather than changes, so the alert keeps them as they were without copying
     * @param created  when the alert was written ({@code created_timestamp}); {@code timestamp} is a little earlier
     */
    record Identity(String cid, String number, AlertPattern pattern, int severity, int confidence, Instant created,
            String sha256, String userName, Map<String, String> device) {
        Identity {
            device = java.util.Collections.unmodifiableMap(device);
        }

        String deviceId() {
            return device.get("device_id");
        }

        /** The vertex key, {@code ind:<device id>:<number>}. */
        String id() {
            return "ind:" + deviceId() + ":" + number;
        }
    }

    /** A comment appended with {@code append_comment}. */
    record Comment(String value, String timestamp) {
    }

    /** An analyst an alert can be assigned to. */
    record Assignee(String uid, String uuid, String name) {
        static final Assignee NOBODY = new Assignee("", "", "");
    }

    private final Identity id;
    private final String compositeId;
    private String status;
    private Assignee assignee;
    private final List<String> tags;
    private final List<Comment> comments = new ArrayList<>();
    private boolean showInUi;
    private String resolution;
    private Instant updated;
    private Instant triaged;
    private Instant resolved;
    private Map<String, String> fields;

    FleetAlert(Identity id, String status, Assignee assignee, List<String> tags, boolean showInUi, String resolution,
            Instant updated) {
        this.id = id;
        this.compositeId = id.cid() + ":" + id.id();
        this.status = status;
        this.assignee = assignee;
        this.tags = new ArrayList<>(tags);
        this.showInUi = showInUi;
        this.resolution = resolution;
        this.updated = updated;
        this.triaged = status.equals("new") ? null : updated;
        this.resolved = status.equals("closed") ? updated : null;
    }

    /**
     * Reads one alert of a seed file ({@link AlertSeed} shows the record); null when it has problems, each
     * added to {@code problems} as {@code <json path>: what is wrong; how to fix it}.
     *
     * @param where the record's JSON path, e.g. {@code $.alerts[3]}
     * @param cid   the customer the alert belongs to
     * @param hosts the fleet's host fields ({@link FleetHost#fields()}) by device ID, null for an unknown ID
     * @param index the record's place in the file, which its composite ID is made from (so IDs differ)
     */
    static FleetAlert fromSeed(JsonNode node, String where, List<String> problems, String cid,
            Function<String, Map<String, String>> hosts, int index) {
        return AlertSeed.read(node, where, problems, cid, hosts, index);
    }

    String compositeId() {
        return compositeId;
    }

    String deviceId() {
        return id.deviceId();
    }

    boolean shown() {
        return showInUi;
    }

    String status() {
        return status;
    }

    List<String> tags() {
        return List.copyOf(tags);
    }

    List<Comment> comments() {
        return List.copyOf(comments);
    }

    void updateStatus(String value, Instant now) {
        status = value;
        if (!value.equals("new") && triaged == null) {
            triaged = now;
        }
        resolved = value.equals("closed") ? now : null;
        touched(now);
    }

    void assign(Assignee who, Instant now) {
        assignee = who;
        touched(now);
    }

    void addTag(String tag, Instant now) {
        if (tags.stream().noneMatch(tag::equalsIgnoreCase)) {
            tags.add(tag);
        }
        touched(now);
    }

    void removeTag(String tag, Instant now) {
        tags.removeIf(tag::equalsIgnoreCase);
        touched(now);
    }

    void removeTagsByPrefix(String prefix, Instant now) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        tags.removeIf(t -> t.toLowerCase(Locale.ROOT).startsWith(lower));
        touched(now);
    }

    void appendComment(String value, Instant now) {
        comments.add(new Comment(value, AlertTimes.iso(now)));
        touched(now);
    }

    void showInUi(boolean value, Instant now) {
        showInUi = value;
        touched(now);
    }

    private void touched(Instant now) {
        updated = now;
        fields = null;
    }

    /** The fields FQL filters, sorts and aggregates on; multi-valued ones joined by {@link Fql#MULTI}. */
    Map<String, String> fields() {
        if (fields == null) {
            Map<String, String> f = new LinkedHashMap<>();
            AlertPattern p = id.pattern();
            f.put("composite_id", compositeId);
            f.put("id", id.id());
            f.put("cid", id.cid());
            f.put("agent_id", id.deviceId());
            f.put("aggregate_id", aggregateId());
            f.put("status", status);
            f.put("severity", Integer.toString(id.severity()));
            f.put("severity_name", severityName(id.severity()));
            f.put("confidence", Integer.toString(id.confidence()));
            f.put("pattern_id", Integer.toString(p.patternId()));
            f.put("name", p.name());
            f.put("display_name", p.displayName());
            f.put("description", p.description());
            f.put("tactic", p.tactic());
            f.put("tactic_id", p.tacticId());
            f.put("technique", p.technique());
            f.put("technique_id", p.techniqueId());
            f.put("objective", p.objective());
            f.put("scenario", p.scenario());
            f.put("product", "epp");
            f.put("type", "ldt");
            f.put("platform", id.device().get("platform_name"));
            f.put("filename", p.filename());
            f.put("filepath", p.filepath());
            f.put("cmdline", p.cmdline());
            f.put("sha256", id.sha256());
            f.put("user_name", id.userName());
            f.put("created_timestamp", AlertTimes.iso(id.created()));
            f.put("timestamp", AlertTimes.iso(id.created().minusSeconds(4)));
            f.put("crawled_timestamp", AlertTimes.iso(id.created().plusSeconds(60)));
            f.put("updated_timestamp", AlertTimes.iso(updated));
            f.put("assigned_to_uid", assignee.uid());
            f.put("assigned_to_uuid", assignee.uuid());
            f.put("assigned_to_name", assignee.name());
            f.put("tags", String.join(Fql.MULTI, tags));
            f.put("comment", String.join(Fql.MULTI, comments.stream().map(Comment::value).toList()));
            f.put("show_in_ui", Boolean.toString(showInUi));
            f.put("resolution", resolution);
            f.put("seconds_to_triaged", Long.toString(seconds(triaged)));
            f.put("seconds_to_resolved", Long.toString(seconds(resolved)));
            for (String name : DEVICE_FIELDS) {
                f.put("device." + name, id.device().getOrDefault(name, ""));
            }
            f.put("origin_cid", id.cid());
            f.put("falcon_host_link", HOST_LINK + compositeId);
            FIXED.forEach((name, value) -> f.put(name, fqlText(value)));
            fields = f;
        }
        return fields;
    }

    private long seconds(Instant until) {
        return until == null ? 0 : Math.max(0, Duration.between(id.created(), until).getSeconds());
    }

    private String aggregateId() {
        return "aggind:" + id.deviceId() + ":" + id.number().substring(0, id.number().indexOf('-'));
    }

    /** Falcon's names for ranges of the 1-100 severity. */
    static String severityName(int severity) {
        if (severity >= 90) {
            return "Critical";
        }
        if (severity >= 70) {
            return "High";
        }
        if (severity >= 50) {
            return "Medium";
        }
        return severity >= 20 ? "Low" : "Informational";
    }

    /** The alert as {@code PostEntitiesAlertsV2} returns it ({@code detects.Alert}). */
    Map<String, Object> json() {
        Map<String, String> f = fields();
        AlertPattern p = id.pattern();
        Map<String, Object> json = new LinkedHashMap<>();
        for (String name : List.of("composite_id", "id", "cid", "agent_id", "aggregate_id", "status", "severity_name",
                "name", "display_name", "description", "tactic", "tactic_id", "technique", "technique_id", "objective",
                "scenario", "product", "type", "platform", "filename", "filepath", "cmdline", "sha256", "user_name",
                "created_timestamp", "timestamp", "crawled_timestamp", "updated_timestamp", "assigned_to_uid",
                "assigned_to_uuid", "assigned_to_name", "resolution")) {
            json.put(name, f.get(name));
        }
        json.put("severity", id.severity());
        json.put("confidence", id.confidence());
        json.put("pattern_id", p.patternId());
        json.put("origin_cid", id.cid());
        json.put("show_in_ui", showInUi);
        json.put("tags", List.copyOf(tags));
        json.put("comments", comments.stream().map(c -> Reply.object("value", c.value(), "timestamp", c.timestamp())).toList());
        json.put("seconds_to_triaged", seconds(triaged));
        json.put("seconds_to_resolved", seconds(resolved));
        json.put("mitre_attack", List.of(Reply.object("pattern_id", p.patternId(), "tactic", p.tactic(), "tactic_id",
                p.tacticId(), "technique", p.technique(), "technique_id", p.techniqueId())));
        fixed(json);
        json.put("falcon_host_link", HOST_LINK + compositeId);
        json.put("device", device());
        return json;
    }

    /** Fields the sandbox holds the same on every alert; the schema requires them all. */
    /** Fields every alert of the sandbox has with the same value: no aggregation, no custom rule, endpoint data. */
    private static final String HOST_LINK = "https://falcon.crowdstrike.com/activity-v2/detections/";
    static final Map<String, Object> FIXED = Reply.object("aggregation_rule_id", "", "aggregation_rule_name", "",
            "cms_rule_id", "", "cms_rule_instance_id", "", "cms_rule_instance_version", "",
            "data_domains", List.of("Endpoint"), "source_products", List.of("Falcon Insight"),
            "source_vendors", List.of("CrowdStrike"), "email_sent", false, "external", false, "is_aggregated", false,
            "is_falcon_platform_ioa", false, "linked_behavioral_detections", List.of(), "linked_case_ids", List.of());

    private static void fixed(Map<String, Object> json) {
        json.putAll(FIXED);
    }

    /** A fixed value as FQL reads it: text, or a list's items joined by {@link Fql#MULTI}. */
    private static String fqlText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(Fql.MULTI, list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private Map<String, Object> device() {
        Map<String, Object> device = new LinkedHashMap<>();
        for (String name : DEVICE_FIELDS) {
            device.put(name, id.device().getOrDefault(name, ""));
        }
        String tagText = id.device().getOrDefault("tags", "");
        device.put("tags", tagText.isEmpty() ? List.of() : List.of(tagText.split(Fql.MULTI)));
        device.put("id", id.deviceId());
        device.put("platform_id", switch (id.device().getOrDefault("platform_name", "")) {
            case "Windows" -> "0";
            case "Mac" -> "1";
            default -> "3";
        });
        return device;
    }
}
