package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks {@code indicator_create_v1} and {@code indicator_update_v1} make on one indicator: its type
 * and the format of its value, the action (and which types take which), the severity that detections
 * need, platforms, host groups or {@code applied_globally}, an RFC 3339 expiration in the future. Each
 * problem is written as "{@code field: what is wrong; how to fix it}" into a list, so one answer can name
 * every mistake. Stateless and thread-safe.
 */
final class IndicatorRules {
    static final List<String> TYPES = List.of("sha256", "md5", "domain", "ipv4", "ipv6");
    static final List<String> ACTIONS = List.of("no_action", "allow", "prevent_no_ui", "prevent", "detect");
    /** Network indicators cannot block or allow a file: they only raise detections, or do nothing. */
    static final List<String> NETWORK_ACTIONS = List.of("no_action", "detect");
    /** Actions that raise a detection, which must say how severe it is. */
    static final Set<String> NEED_SEVERITY = Set.of("detect", "prevent");
    static final List<String> PLATFORMS = List.of("windows", "mac", "linux", "ios", "android");
    static final int MAX_SOURCE = 200;
    static final int MAX_DOMAIN = 200;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Starts with a hex digit or colon, as the JDK needs to read it as a literal rather than a host name. */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private IndicatorRules() {
    }

    /**
     * The changeable settings of an indicator as a request (or seed) gives them; null means "not given".
     */
    record Settings(String action, String severity, String mobileAction, List<String> platforms, List<String> tags,
            List<String> hostGroups, Boolean appliedGlobally, String description, String source, String filename,
            String expiration) {
        boolean isEmpty() {
            return java.util.Arrays.stream(new Object[] {action, severity, mobileAction, platforms, tags, hostGroups,
                appliedGlobally, description, source, filename, expiration}).allMatch(java.util.Objects::isNull);
        }
    }

    /** Reads the settings of one indicator, adding a problem for each field of the wrong JSON type. */
    static Settings read(JsonNode item, List<String> problems) {
        String action = lower(text(item, "action", problems));
        String severity = lower(text(item, "severity", problems));
        List<String> platforms = strings(item, "platforms", problems);
        List<String> tags = strings(item, "tags", problems);
        List<String> groups = strings(item, "host_groups", problems);
        Boolean global = bool(item, problems);
        if (groups != null) {
            // Group IDs are lower-case hexadecimal wherever the API lists them.
            groups = groups.stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).toList();
        } else if (Boolean.TRUE.equals(global)) {
            // Applying an indicator to every host ends its limits to groups.
            groups = List.of();
        }
        return new Settings(action, severity, text(item, "mobile_action", problems),
                platforms == null ? null : platforms.stream().map(IndicatorRules::lower).toList(), tags, groups, global,
                text(item, "description", problems), text(item, "source", problems),
                text(item.path("metadata"), "filename", problems), text(item, "expiration", problems));
    }

    /** Adds a problem unless {@code type} is known and {@code value} is a well-formed value of it. */
    static void checkTypeAndValue(String type, String value, List<String> problems) {
        if (type == null || !TYPES.contains(type)) {
            problems.add("type: " + (type == null ? "required" : "\"" + type + "\" is not a type") + "; use one of "
                    + String.join(", ", TYPES));
            return;
        }
        if (value == null || value.isBlank()) {
            problems.add("value: required; give the " + type + " to look for");
            return;
        }
        String problem = valueProblem(type, value.strip());
        if (problem != null) {
            problems.add("value: \"" + abbreviate(value) + "\" " + problem);
        }
    }

    /** What is wrong with {@code value} as a value of {@code type}, or null. */
    static String valueProblem(String type, String value) {
        return switch (type) {
            case "sha256" -> value.matches("[0-9a-fA-F]{64}") ? null
                    : "is not a SHA-256 hash; write it as 64 hexadecimal digits";
            case "md5" -> value.matches("[0-9a-fA-F]{32}") ? null : "is not an MD5 hash; write it as 32 hexadecimal digits";
            case "domain" -> domainProblem(value);
            case "ipv4" -> IPV4.matcher(value).matches() ? null
                    : "is not an IPv4 address; write four numbers from 0 to 255 separated by dots, e.g. 198.51.100.7";
            default -> isIpv6(value) ? null : "is not an IPv6 address; write it as hexadecimal groups separated by"
                    + " colons, e.g. 2001:db8::7";
        };
    }

    private static String domainProblem(String value) {
        if (value.length() > MAX_DOMAIN) {
            return "is " + value.length() + " characters long; a domain indicator has at most " + MAX_DOMAIN;
        }
        String[] labels = value.toLowerCase(Locale.ROOT).split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "is not a domain name; write labels of letters, digits and inner hyphens separated by single"
                        + " dots, without a scheme, path or port, e.g. malware.example.com";
            }
        }
        return null;
    }

    /**
     * An IPv6 literal: only hexadecimal digits, colons and dots, starting with a digit or colon and holding a
     * colon, so the JDK parses it as a literal and never looks a name up.
     */
    private static boolean isIpv6(String value) {
        if (value.indexOf(':') < 0 || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The value as the API stores it: hashes and domains in lower case, IPv6 addresses in the canonical text
     * of RFC 5952 (lower case, leading zeros dropped, the longest run of zero groups as {@code ::}), so
     * {@code 2001:DB8:0:0::BEEF} is stored, found and deduplicated as {@code 2001:db8::beef}; an IPv4-mapped
     * address stays IPv6 text ({@code ::ffff:203.0.113.9}).
     */
    static String normalise(String type, String value) {
        String text = value.strip();
        if (type.equals("ipv6")) {
            try {
                return canonicalIpv6(InetAddress.getByName(text).getAddress());
            } catch (UnknownHostException e) {
                return text;
            }
        }
        return type.equals("ipv4") ? text : text.toLowerCase(Locale.ROOT);
    }

    /** RFC 5952 text of a 16-byte address (or of the IPv4-mapped address the JDK gives as 4 bytes). */
    static String canonicalIpv6(byte[] address) {
        if (address.length == 4) {
            return "::ffff:" + (address[0] & 255) + "." + (address[1] & 255) + "." + (address[2] & 255) + "."
                    + (address[3] & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 255) << 8 | (address[2 * i + 1] & 255);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /**
     * Checks the settings an indicator of {@code type} would have after applying {@code s} to {@code existing}
     * (null on create, when action, platforms and {@code applied_globally} are required); {@code now} null
     * skips the "expiration in the future" check (seed files may hold expired indicators).
     */
    static void checkSettings(String type, Settings s, Indicator existing, Set<String> groupIds, Instant now,
            List<String> problems) {
        String action = s.action() != null ? s.action() : existing == null ? null : existing.action;
        if (action == null) {
            problems.add("action: required; use one of " + String.join(", ", ACTIONS));
        } else if (!ACTIONS.contains(action)) {
            problems.add("action: \"" + action + "\" is not an action; use one of " + String.join(", ", ACTIONS));
        } else if (type != null && isNetwork(type) && !NETWORK_ACTIONS.contains(action)) {
            problems.add("action: " + type + " indicators cannot " + action + " (it acts on files); use detect or no_action");
        }
        String severity = s.severity() != null ? s.severity() : existing == null ? null : existing.severity;
        if (s.severity() != null && !Indicator.SEVERITIES.contains(s.severity())) {
            problems.add("severity: \"" + s.severity() + "\" is not a severity; use one of "
                    + String.join(", ", Indicator.SEVERITIES));
        } else if (severity == null && action != null && NEED_SEVERITY.contains(action)) {
            problems.add("severity: required when the action is " + action + "; use one of "
                    + String.join(", ", Indicator.SEVERITIES));
        }
        checkPlatforms(s.platforms() != null ? s.platforms() : existing == null ? null : existing.platforms, problems);
        checkScope(s, existing, groupIds, problems);
        checkExpiration(s.expiration(), now, problems);
        if (s.source() != null && s.source().length() > MAX_SOURCE) {
            problems.add("source: " + s.source().length() + " characters long; shorten it to at most " + MAX_SOURCE);
        }
        if (s.tags() != null && s.tags().stream().anyMatch(String::isBlank)) {
            problems.add("tags: a tag is empty; leave empty tags out");
        }
    }

    static boolean isNetwork(String type) {
        return type.equals("domain") || type.equals("ipv4") || type.equals("ipv6");
    }

    private static void checkPlatforms(List<String> platforms, List<String> problems) {
        if (platforms == null || platforms.isEmpty()) {
            problems.add("platforms: required; list where the indicator applies, from " + String.join(", ", PLATFORMS));
            return;
        }
        for (String platform : platforms) {
            if (!PLATFORMS.contains(platform)) {
                problems.add("platforms: \"" + platform + "\" is not a platform; use " + String.join(", ", PLATFORMS));
            }
        }
    }

    /** Either every host ({@code applied_globally: true}, no groups) or the listed host groups of the fleet. */
    private static void checkScope(Settings s, Indicator existing, Set<String> groupIds, List<String> problems) {
        Boolean global = s.appliedGlobally() != null ? s.appliedGlobally() : existing == null ? null : existing.appliedGlobally;
        List<String> groups = s.hostGroups() != null ? s.hostGroups() : existing == null ? List.of() : existing.hostGroups;
        if (global == null) {
            problems.add("applied_globally: required; true for every host, or false with host_groups");
        } else if (global && !groups.isEmpty()) {
            problems.add("host_groups: an indicator applied globally takes no host groups; set applied_globally to"
                    + " false to limit it to these groups, or leave host_groups out");
        } else if (!global && groups.isEmpty()) {
            problems.add("host_groups: required when applied_globally is false; list host group IDs (queryHostGroups"
                    + " finds them), or set applied_globally to true");
        }
        for (String group : s.hostGroups() == null ? List.<String>of() : s.hostGroups()) {
            if (!groupIds.contains(group.toLowerCase(Locale.ROOT))) {
                problems.add("host_groups: no host group has ID \"" + abbreviate(group) + "\"; queryHostGroups lists them");
            }
        }
    }

    private static void checkExpiration(String expiration, Instant now, List<String> problems) {
        if (expiration == null) {
            return;
        }
        Instant at = parseTime(expiration);
        if (at == null) {
            problems.add("expiration: \"" + abbreviate(expiration) + "\" is not an RFC 3339 time; write it as e.g."
                    + " 2027-01-31T00:00:00Z");
        } else if (now != null && !at.isAfter(now)) {
            problems.add("expiration: " + at + " is not in the future (it is " + now + "); give a later time, or leave"
                    + " expiration out for an indicator that never expires");
        }
    }

    /** An RFC 3339 time as an instant, or null. */
    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The expiration as stored: the instant in UTC, or null when not given or not a time. */
    static String canonicalTime(String text) {
        Instant at = text == null ? null : parseTime(text);
        return at == null ? null : at.toString();
    }

    private static String text(JsonNode item, String name, List<String> problems) {
        JsonNode value = item.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(name + ": expected a string, got " + abbreviate(value.toString()));
            return null;
        }
        return value.asText();
    }

    private static Boolean bool(JsonNode item, List<String> problems) {
        JsonNode value = item.path("applied_globally");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add("applied_globally: expected true or false, got " + abbreviate(value.toString()));
            return null;
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode item, String name, List<String> problems) {
        JsonNode value = item.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode one : value.isArray() ? value : List.<JsonNode>of()) {
            if (!one.isTextual()) {
                problems.add(name + ": expected strings, got " + abbreviate(one.toString()));
                return null;
            }
            items.add(one.asText().strip());
        }
        if (!value.isArray()) {
            problems.add(name + ": expected a list of strings, got " + abbreviate(value.toString()));
            return null;
        }
        return List.copyOf(new java.util.LinkedHashSet<>(items));
    }

    /** A string field of a seed record, or null; a problem "{@code where.name: ...}" when it is not text. */
    static String seedText(JsonNode node, String where, String name, List<String> problems) {
        List<String> found = new ArrayList<>();
        String value = text(node, name, found);
        found.forEach(p -> problems.add(where + "." + p));
        return value;
    }

    /** A time field of a seed record as an instant's text, or {@code fallback} when absent. */
    static String seedInstant(JsonNode node, String where, String name, String fallback, List<String> problems) {
        String text = seedText(node, where, name, problems);
        if (text == null) {
            return fallback;
        }
        Instant at = parseTime(text);
        if (at == null) {
            problems.add(where + "." + name + ": expected an RFC 3339 time such as 2026-05-01T12:00:00Z, got \""
                    + abbreviate(text) + "\"");
            return fallback;
        }
        return at.toString();
    }

    private static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
