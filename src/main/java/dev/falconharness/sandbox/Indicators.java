package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The custom indicators (IOCs) of one customer: the records, unique by type and value, and the IDs new ones
 * get. It starts from a list of records ({@link #generate} makes the default dozen from the fleet's seed;
 * a seed file can give others), so generation and storage stay apart. Guarded by the fleet's lock.
 */
final class Indicators {
    /** Who created the generated and seeded indicators. */
    static final String SEED_AUTHOR = "sandbox.admin@example.com";
    /** How many indicators a generated fleet starts with. */
    static final int GENERATED = 12;

    private static final String[] WORDS = {"update-check", "cdn-sync", "login-verify", "telemetry", "invoice",
        "files-share", "auth-portal", "mail-relay"};
    private static final String[] TAGS = {"sandbox-demo", "phishing", "ransomware", "apt-simulation"};
    private static final String[] FILES = {"invoice.exe", "setup_helper.dll", "update.sh", "report.pdf.exe"};

    private final Map<String, Indicator> byId = new LinkedHashMap<>();
    private final Map<String, Indicator> byKey = new HashMap<>();
    private final SplittableRandom ids;

    /** A store holding {@code start} (IDs and type+value pairs must be unique); new IDs come from {@code seed}. */
    Indicators(long seed, List<Indicator> start) {
        this.ids = new SplittableRandom(seed ^ 0x1DC0FFEE5EEDL);
        for (Indicator indicator : start) {
            if (byId.containsKey(indicator.id) || byKey.containsKey(indicator.key())) {
                throw new IllegalArgumentException("indicator " + indicator.id + " (" + indicator.type + " "
                        + indicator.value + ") is given twice");
            }
            add(indicator);
        }
    }

    /**
     * The starting indicators of a fleet with this seed: {@link #GENERATED} of them, every type, some applied
     * globally and some to one of {@code groupIds}; none when {@code groupIds} is empty and a group is drawn.
     * Each comes from its own random stream, so the list is the same on every run.
     */
    static List<Indicator> generate(long seed, List<String> groupIds) {
        SplittableRandom idStream = new SplittableRandom(seed ^ 0x10C5EED0L);
        List<Indicator> list = new ArrayList<>(GENERATED);
        for (int i = 0; i < GENERATED; i++) {
            list.add(generate(seed, i, hexId(idStream), groupIds));
        }
        return list;
    }

    /**
     * The indicators of a seed file's {@code indicators} array, each checked by {@link Indicator#fromSeed};
     * {@code host_groups} name groups by ID or by name, and a record without an {@code id} gets one from
     * {@code seed}.
     *
     * @throws IllegalArgumentException naming every problem with its JSON path
     */
    static List<Indicator> fromSeed(JsonNode list, Collection<HostGroup> groups, long seed) {
        Map<String, String> groupIds = new HashMap<>();
        for (HostGroup group : groups) {
            groupIds.put(group.id, group.id);
            groupIds.putIfAbsent(group.name.toLowerCase(Locale.ROOT), group.id);
        }
        SplittableRandom idStream = new SplittableRandom(seed ^ 0x5EEDED1DL);
        List<String> problems = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> known = Set.copyOf(groupIds.values());
        for (int i = 0; i < list.size(); i++) {
            String where = "$.indicators[" + i + "]";
            Indicator indicator = Indicator.fromSeed(byGroupId(list.get(i), groupIds), where, problems, known,
                    hexId(idStream));
            if (indicator == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(indicator.key(), i);
            Integer sameId = seen.putIfAbsent("id:" + indicator.id, i);
            if (earlier != null || sameId != null) {
                problems.add(where + ": the same " + (earlier != null ? "type and value" : "id") + " as $.indicators["
                        + (earlier != null ? earlier : sameId) + "]; each indicator is given once");
            } else {
                indicators.add(indicator);
            }
        }
        SeedProblems.refuse(n -> "the sandbox seed's indicators have " + n + " problem(s)", problems);
        return indicators;
    }

    /** The record with each {@code host_groups} entry that names a group by name replaced by its ID. */
    private static JsonNode byGroupId(JsonNode node, Map<String, String> groupIds) {
        if (!node.isObject() || !node.path("host_groups").isArray()) {
            return node;
        }
        ObjectNode copy = node.deepCopy();
        ArrayNode resolved = copy.putArray("host_groups");
        for (JsonNode entry : node.get("host_groups")) {
            String id = entry.isTextual() ? groupIds.get(entry.asText().strip().toLowerCase(Locale.ROOT)) : null;
            resolved.add(id == null ? entry : TextNode.valueOf(id));
        }
        return copy;
    }

    private static Indicator generate(long seed, int i, String id, List<String> groupIds) {
        SplittableRandom r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + i);
        String type = IndicatorRules.TYPES.get(i % IndicatorRules.TYPES.size());
        String value = switch (type) {
            case "sha256" -> hex(r, 4);
            case "md5" -> hex(r, 2);
            case "domain" -> WORDS[r.nextInt(WORDS.length)] + "-" + hex(r, 1).substring(0, 6) + ".example.net";
            case "ipv4" -> "198.51.100." + (10 + i);
            default -> "2001:db8::" + Integer.toHexString(0x100 + i);
        };
        boolean network = IndicatorRules.isNetwork(type);
        String action = network ? (r.nextInt(4) == 0 ? "no_action" : "detect")
                : List.of("prevent", "detect", "allow", "prevent_no_ui").get(r.nextInt(4));
        boolean global = groupIds.isEmpty() || i % 3 != 2;
        List<String> platforms = network || r.nextBoolean() ? List.of("windows", "mac", "linux") : List.of("windows");
        String created = Fleet.REFERENCE.minusSeconds(86_400L * (1 + r.nextInt(120))).toString();
        Indicator indicator = new Indicator(id, type, value, created, SEED_AUTHOR);
        String severity = action.equals("allow") || action.equals("no_action") ? null
                : Indicator.SEVERITIES.get(1 + r.nextInt(Indicator.SEVERITIES.size() - 1));
        String expiration = network ? Fleet.REFERENCE.plusSeconds(86_400L * (60 + r.nextInt(300))).toString() : null;
        indicator.apply(new IndicatorRules.Settings(action, severity, null, platforms,
                List.of(TAGS[r.nextInt(TAGS.length)]), global ? List.of() : List.of(groupIds.get(r.nextInt(groupIds.size()))),
                global, "Generated sandbox indicator " + (i + 1), "Sandbox threat feed",
                network ? null : FILES[r.nextInt(FILES.length)], expiration));
        return indicator;
    }

    private static String hex(SplittableRandom r, int longs) {
        StringBuilder text = new StringBuilder(longs * 16);
        for (int i = 0; i < longs; i++) {
            text.append(String.format("%016x", r.nextLong()));
        }
        return text.toString();
    }

    private static String hexId(SplittableRandom r) {
        return hex(r, 4);
    }

    /** A new indicator ID: 64 hexadecimal digits, from the fleet's seed so runs repeat. */
    String newId() {
        String id = hexId(ids);
        while (byId.containsKey(id)) {
            id = hexId(ids);
        }
        return id;
    }

    void add(Indicator indicator) {
        byId.put(indicator.id, indicator);
        byKey.put(indicator.key(), indicator);
    }

    Indicator get(String id) {
        return id == null ? null : byId.get(id.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The indicator with this type and value (ignoring the value's case), or null. */
    Indicator withKey(String type, String value) {
        return byKey.get(Indicator.key(type, value));
    }

    Indicator remove(String id) {
        Indicator gone = get(id);
        if (gone != null) {
            byId.remove(gone.id);
            byKey.remove(gone.key());
        }
        return gone;
    }

    Collection<Indicator> all() {
        return byId.values();
    }

    /**
     * The indicators {@code filter} accepts, in {@code order} with the ID breaking ties (so an order is
     * total and an {@code after} cursor can point between two records). {@code expired} and
     * {@code from_parent} are judged for this caller at {@code now}.
     */
    List<Indicator> select(Predicate<Map<String, String>> filter, Comparator<Map<String, String>> order, Instant now,
            boolean fromParent) {
        List<Judged> matches = new ArrayList<>();
        for (Indicator indicator : byId.values()) {
            Judged view = new Judged(indicator, now, fromParent);
            if (filter.test(view)) {
                matches.add(view);
            }
        }
        matches.sort(order.thenComparing(f -> f.get("id")));
        List<Indicator> out = new ArrayList<>(matches.size());
        matches.forEach(view -> out.add(view.indicator));
        return out;
    }

    /** The fields of one indicator plus those that depend on the caller. */
    static Map<String, String> view(Indicator indicator, Instant now, boolean fromParent) {
        return new Judged(indicator, now, fromParent);
    }

    /** A record's fields with {@code expired} and {@code from_parent} computed on reading, not copied. */
    private static final class Judged extends AbstractMap<String, String> {
        private final Indicator indicator;
        private final Instant now;
        private final boolean fromParent;

        Judged(Indicator indicator, Instant now, boolean fromParent) {
            this.indicator = indicator;
            this.now = now;
            this.fromParent = fromParent;
        }

        @Override
        public String get(Object key) {
            if ("expired".equals(key)) {
                return String.valueOf(indicator.expired(now));
            }
            return "from_parent".equals(key) ? String.valueOf(fromParent) : indicator.fields().get(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> all = new LinkedHashMap<>(indicator.fields());
            all.put("expired", get("expired"));
            all.put("from_parent", get("from_parent"));
            return all.entrySet();
        }
    }
}
