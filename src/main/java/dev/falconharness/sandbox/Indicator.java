package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One custom indicator (IOC) of a customer, as the {@code ioc} collection stores it: a type and value
 * that never change after creation, and the settings {@code indicator_update_v1} may change (action,
 * severity, platforms, tags, host groups, expiration...). {@link #expired} is judged against the time
 * the caller gives, so an indicator expires as the fleet's clock passes its {@code expiration}.
 * Guarded by the fleet's lock.
 */
final class Indicator {
    /** Severities in the order {@code severity_number} counts them (informational = 0 ... critical = 4). */
    static final List<String> SEVERITIES = List.of("informational", "low", "medium", "high", "critical");

    final String id;
    final String type;
    final String value;
    final String createdOn;
    final String createdBy;
    String action;
    String severity;
    String mobileAction;
    List<String> platforms;
    List<String> tags;
    List<String> hostGroups;
    boolean appliedGlobally;
    String description;
    String source;
    String filename;
    String expiration;
    String modifiedOn;
    String modifiedBy;
    private Map<String, String> fields;

    Indicator(String id, String type, String value, String createdOn, String createdBy) {
        this.id = id;
        this.type = type;
        this.value = value;
        this.createdOn = createdOn;
        this.createdBy = createdBy;
        this.modifiedOn = createdOn;
        this.modifiedBy = createdBy;
        this.platforms = List.of();
        this.tags = List.of();
        this.hostGroups = List.of();
    }

    /** Applies checked settings; the caller has validated them ({@link IndicatorRules}). */
    void apply(IndicatorRules.Settings s) {
        action = s.action() == null ? action : s.action();
        severity = s.severity() == null ? severity : s.severity();
        mobileAction = s.mobileAction() == null ? mobileAction : s.mobileAction();
        platforms = s.platforms() == null ? platforms : List.copyOf(s.platforms());
        tags = s.tags() == null ? tags : List.copyOf(s.tags());
        hostGroups = s.hostGroups() == null ? hostGroups : List.copyOf(s.hostGroups());
        appliedGlobally = s.appliedGlobally() == null ? appliedGlobally : s.appliedGlobally();
        description = s.description() == null ? description : s.description();
        source = s.source() == null ? source : s.source();
        filename = s.filename() == null ? filename : s.filename();
        expiration = s.expiration() == null ? expiration : IndicatorRules.canonicalTime(s.expiration());
        fields = null;
    }

    /** Records who changed the indicator and when. */
    void touched(String by, String at) {
        modifiedBy = by;
        modifiedOn = at;
        fields = null;
    }

    /** Whether the indicator's expiration has passed at {@code now}. */
    boolean expired(Instant now) {
        return expiration != null && !now.isBefore(Instant.parse(expiration));
    }

    /** The key that must be unique in a customer: type and value, ignoring the value's case. */
    String key() {
        return key(type, value);
    }

    static String key(String type, String value) {
        return type + "\u0000" + value.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The fields FQL filters and sorts on; {@code expired} and {@code from_parent} depend on the caller,
     * so they are added per query (see {@link Indicators#select}). Built once per change.
     */
    Map<String, String> fields() {
        if (fields == null) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("id", id);
            f.put("type", type);
            f.put("value", value);
            f.put("action", action);
            f.put("severity", severity);
            f.put("severity_number", severity == null ? null : String.valueOf(SEVERITIES.indexOf(severity)));
            f.put("mobile_action", mobileAction);
            f.put("platforms", String.join(Fql.MULTI, platforms));
            f.put("tags", tags.isEmpty() ? null : String.join(Fql.MULTI, tags));
            f.put("host_groups", hostGroups.isEmpty() ? null : String.join(Fql.MULTI, hostGroups));
            f.put("applied_globally", String.valueOf(appliedGlobally));
            f.put("description", description);
            f.put("source", source);
            f.put("metadata.filename", filename);
            f.put("metadata.filename.raw", filename);
            f.put("expiration", expiration);
            f.put("created_on", createdOn);
            f.put("created_by", createdBy);
            f.put("modified_on", modifiedOn);
            f.put("modified_by", modifiedBy);
            fields = java.util.Collections.unmodifiableMap(f);
        }
        return fields;
    }

    /** The indicator as the API returns it ({@code api.IndicatorV1}), judged at {@code now}. */
    Map<String, Object> json(Instant now, boolean fromParent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("type", type);
        json.put("value", value);
        json.put("action", action);
        putIfSet(json, "severity", severity);
        putIfSet(json, "mobile_action", mobileAction);
        json.put("platforms", platforms);
        json.put("tags", tags);
        json.put("applied_globally", appliedGlobally);
        json.put("host_groups", hostGroups);
        json.put("description", description == null ? "" : description);
        json.put("source", source == null ? "" : source);
        if (filename != null) {
            json.put("metadata", Map.of("filename", filename));
        }
        putIfSet(json, "expiration", expiration);
        json.put("expired", expired(now));
        json.put("deleted", false);
        json.put("from_parent", fromParent);
        json.put("created_on", createdOn);
        json.put("created_by", createdBy);
        json.put("modified_on", modifiedOn);
        json.put("modified_by", modifiedBy);
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    /** The fields a seed-file indicator may have. */
    static final Set<String> SEED_FIELDS = Set.of("id", "type", "value", "action", "severity", "mobile_action",
            "platforms", "tags", "applied_globally", "host_groups", "description", "source", "expiration",
            "created_on", "created_by", "modified_on", "modified_by");

    /**
     * Reads one indicator of a seed file, checked as {@code indicator_create_v1} checks one (type, value
     * format, action, severity, platforms, host groups among {@code groupIds}); the expiration is not
     * required to be in the future, so a seed may hold expired indicators. Each problem is added as
     * "{@code <where>.<field>: what is wrong; how to fix it}"; returns null when there was any. A record
     * without an {@code id} gets {@code generatedId}.
     */
    static Indicator fromSeed(JsonNode node, String where, List<String> problems, Set<String> groupIds,
            String generatedId) {
        int before = problems.size();
        if (node == null || !node.isObject()) {
            problems.add(where + ": expected an object with type, value, action, platforms and applied_globally");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!SEED_FIELDS.contains(name)) {
                problems.add(where + "." + name + ": unknown field; allowed: " + String.join(", ",
                        SEED_FIELDS.stream().sorted().toList()));
            }
        });
        String id = node.has("id") ? IndicatorRules.seedText(node, where, "id", problems) : generatedId;
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            problems.add(where + ".id: expected 64 lower-case hexadecimal digits (the indicator's ID; leave it out"
                    + " to have one generated), got " + (id == null ? "nothing" : "\"" + id + "\""));
        }
        List<String> found = new ArrayList<>();
        IndicatorRules.Settings settings = IndicatorRules.read(node, found);
        String type = IndicatorRules.seedText(node, where, "type", problems);
        String value = IndicatorRules.seedText(node, where, "value", problems);
        IndicatorRules.checkTypeAndValue(type, value, found);
        IndicatorRules.checkSettings(type, settings, null, groupIds, null, found);
        found.forEach(p -> problems.add(where + "." + p));
        String createdOn = IndicatorRules.seedInstant(node, where, "created_on", Fleet.REFERENCE.toString(), problems);
        String createdBy = IndicatorRules.seedText(node, where, "created_by", problems);
        String modifiedOn = IndicatorRules.seedInstant(node, where, "modified_on", createdOn, problems);
        String modifiedBy = IndicatorRules.seedText(node, where, "modified_by", problems);
        if (problems.size() > before) {
            return null;
        }
        String by = createdBy == null ? Indicators.SEED_AUTHOR : createdBy;
        Indicator indicator = new Indicator(id, type, IndicatorRules.normalise(type, value), createdOn, by);
        indicator.apply(settings);
        indicator.touched(modifiedBy == null ? by : modifiedBy, modifiedOn);
        return indicator;
    }
}
