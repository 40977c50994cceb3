package dev.falconharness.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The hosts of one customer, generated from a seed (or given by a seed file, {@link FleetSeed}): the same
 * seed and count give the same fleet, host by host. Each host is derived from its own random stream
 * ({@code seed} mixed with its index), so a fleet of 50,000 costs a few hundred milliseconds to build and
 * no host depends on another. Times are relative to a fixed instant ({@link #REFERENCE}), not to the
 * clock, so they do not move between runs. Also keeps the scroll cursors of
 * {@code QueryDevicesByFilterScroll}, the host groups, the alerts ({@link Alerts}) and the custom
 * indicators ({@link Indicators}). Thread-safe: every method holds the fleet's lock.
 */
final class Fleet {
    /** The instant the generated {@code last_seen} times lead up to. */
    static final Instant REFERENCE = Instant.parse("2026-11-01T00:00:00Z");
    /** How long a scroll cursor lives after its last use, as the API documents (2 minutes). */
    static final long SCROLL_LIFETIME_SECONDS = 120;

    private static final String[] PLATFORMS = {"Windows", "Windows", "Windows", "Mac", "Linux"};
    private static final String[][] OS = {
        {"Windows 11", "22631", "Workstation"}, {"Windows 10", "19045", "Workstation"},
        {"Windows Server 2022", "20348", "Server"}, {"Windows Server 2019", "17763", "Server"}};
    private static final String[][] MAC_OS = {{"Sonoma (14)", "23G93"}, {"Sequoia (15)", "24B83"}, {"Ventura (13)", "22H527"}};
    private static final String[][] LINUX_OS = {{"Ubuntu 22.04", "5.15.0-119"}, {"RHEL 9.4", "5.14.0-427"},
        {"Amazon Linux 2023", "6.1.109-118"}, {"Debian 12", "6.1.0-25"}};
    private static final String[] AGENTS = {"7.18.18806.0", "7.17.18703.0", "7.16.18613.0", "7.15.18513.0"};
    private static final String[] DEPARTMENTS = {"Finance", "Engineering", "Sales", "HR", "IT"};
    private static final String[] MAKERS = {"Dell Inc.", "LENOVO", "HP", "VMware, Inc.", "Apple Inc.", "Amazon EC2"};
    private static final String[] PREVENTION = {"0a1b2c3d4e5f40718293a4b5c6d7e8f9", "1b2c3d4e5f6071829304a5b6c7d8e9f0",
        "2c3d4e5f607182930415a6b7c8d9e0f1"};
    private static final String SENSOR_UPDATE = "3d4e5f60718293041526a7b8c9d0e1f2";

    private final long seed;
    private final int count;
    private final String cid;
    private final Clock clock;
    private final FleetSeed seeded;
    private List<FleetHost> hosts;
    private Map<String, FleetHost> byId;
    private final Map<String, Cursor> scrolls = new HashMap<>();

    /** What a scroll token points at: a page of a scroll. */
    private record Cursor(Scroll scroll, int position) {
    }
    private HostGroups groups;
    private Indicators indicators;
    private Alerts alerts;
    private boolean membershipStale;

    /** A scroll: the matching IDs when it started, and when it dies (each use of one of its tokens extends it). */
    private static final class Scroll {
        final List<String> ids;
        Instant expiresAt;

        Scroll(List<String> ids) {
            this.ids = ids;
        }
    }

    /**
     * A fleet of {@code count} generated hosts, or of the hosts and groups {@code seeded} gives.
     *
     * @throws IllegalArgumentException if a seeded static group names a host the fleet does not have
     */
    Fleet(long seed, int count, String cid, Clock clock, FleetSeed seeded) {
        if (count < 0) {
            throw new IllegalArgumentException("a fleet has 0 or more hosts, got " + count);
        }
        this.seed = seed;
        this.cid = cid;
        this.clock = clock;
        this.seeded = seeded;
        this.count = seeded.hosts() == null ? count : seeded.hosts().size();
        reset();
    }

    /** Back to the starting fleet (generated or seeded: hosts, groups, alerts, indicators); open scroll cursors are dropped. */
    synchronized void reset() {
        List<FleetHost> list = new ArrayList<>(count);
        Map<String, FleetHost> index = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            FleetHost host = seeded.hosts() == null ? generate(i, null) : fromSeed(i, seeded.hosts().get(i));
            list.add(host);
            index.put(host.deviceId(), host);
        }
        hosts = list;
        byId = index;
        scrolls.clear();
        groups = new HostGroups(seed);
        String created = REFERENCE.minusSeconds(365L * 86_400).toString();
        if (seeded.groups() == null) {
            groups.addDefaults(created);
        } else {
            groups.addSeeded(seeded.groups(), list, created);
        }
        alerts = new Alerts(seeded.alerts() == null ? Alerts.generate(seed, cid, list)
                : Alerts.fromSeed(seeded.alerts(), list, cid));
        // A customer without hosts (an MSSP child) starts without indicators too.
        if (seeded.indicators() != null) {
            indicators = new Indicators(seed, Indicators.fromSeed(seeded.indicators(), groups.all(), seed));
        } else {
            indicators = new Indicators(seed, count == 0 ? List.of()
                    : Indicators.generate(seed, groups.all().stream().map(g -> g.id).toList()));
        }
        membershipStale = true;
    }

    /**
     * Seeded host {@code i}: the fields the seed gives, and for the rest those of generated host {@code i}
     * on the seeded platform, so that a seeded Linux host gets a Linux OS version.
     */
    private FleetHost fromSeed(int i, FleetSeed.HostSeed seed) {
        Map<String, String> given = seed.fields();
        FleetHost.Identity g = generate(i, given.get("platform_name")).identity();
        FleetHost.Identity identity = new FleetHost.Identity(given.getOrDefault("device_id", g.deviceId()),
                given.get("hostname"), g.platform(), given.getOrDefault("os_version", g.osVersion()),
                given.getOrDefault("os_build", g.osBuild()), given.getOrDefault("product_type_desc", g.productTypeDesc()),
                given.getOrDefault("agent_version", g.agentVersion()), given.getOrDefault("first_seen", g.firstSeen()),
                given.getOrDefault("last_seen", g.lastSeen()), given.getOrDefault("external_ip", g.externalIp()),
                given.getOrDefault("local_ip", g.localIp()), given.getOrDefault("mac_address", g.macAddress()),
                given.getOrDefault("system_manufacturer", g.systemManufacturer()),
                given.getOrDefault("machine_domain", g.machineDomain()), g.preventionPolicyId(), g.sensorUpdatePolicyId());
        FleetHost host = new FleetHost(identity, cid, seed.tags());
        if (seed.contained()) {
            host.startContained();
        }
        if (seed.hidden()) {
            host.hide(true);
        }
        return host;
    }

    /** The custom indicators (IOCs); call under {@link #locked}. */
    synchronized Indicators indicators() {
        return indicators;
    }

    /** The alerts; call under {@link #locked}. */
    synchronized Alerts alerts() {
        return alerts;
    }

    /** The host groups; call under {@link #locked}, then {@link #membershipChanged} after changing them. */
    synchronized HostGroups groups() {
        return groups;
    }

    /**
     * Marks every host's {@code groups} for recomputing after a group or a host's tags changed; the next
     * read does it, so a start or a burst of changes costs one pass over the hosts, not one each.
     */
    synchronized void membershipChanged() {
        membershipStale = true;
    }

    private void refreshMembership() {
        if (membershipStale) {
            groups.refresh(hosts);
            membershipStale = false;
        }
    }

    Clock clock() {
        return clock;
    }

    synchronized int size() {
        return hosts.size();
    }

    /** The host with this ID (settling a due containment change), or null. */
    synchronized FleetHost host(String deviceId, boolean reading) {
        FleetHost host = deviceId == null ? null : byId.get(deviceId.toLowerCase(java.util.Locale.ROOT));
        if (host != null) {
            refreshMembership();
            host.settle(clock.instant(), reading);
        }
        return host;
    }

    /** Runs {@code action} under the fleet's lock, for changes that touch several hosts at once. */
    synchronized <T> T locked(java.util.function.Supplier<T> action) {
        return action.get();
    }

    /** The hosts that {@code filter} accepts, in {@code order}. */
    synchronized List<FleetHost> select(Predicate<Map<String, String>> filter, Comparator<Map<String, String>> order) {
        Instant now = clock.instant();
        refreshMembership();
        List<FleetHost> matches = new ArrayList<>();
        for (FleetHost host : hosts) {
            host.settle(now, false);
            if (filter.test(host.fields())) {
                matches.add(host);
            }
        }
        if (order != null) {
            matches.sort(Comparator.comparing(FleetHost::fields, order));
        }
        return matches;
    }

    /**
     * The hosts that {@code filter} accepts, in {@code order} (null for fleet order): as
     * {@link #select(Predicate, Comparator)} (a name of its own, so that {@code select(filter, null)} stays
     * unambiguous), with each host's sort key read once instead of twice per
     * comparison.
     */
    synchronized List<FleetHost> selectInOrder(Predicate<Map<String, String>> filter, FqlOrder order) {
        List<FleetHost> matches = select(filter, null);
        if (order == null) {
            return matches;
        }
        List<Keyed> keyed = new ArrayList<>(matches.size());
        for (FleetHost host : matches) {
            keyed.add(new Keyed(order.sortKey(host.fields()), host));
        }
        Comparator<FqlOrder.SortKey> keys = order.keys();
        // List.sort is stable, as the sort of the other select is: equal keys keep fleet order.
        keyed.sort((a, b) -> keys.compare(a.key, b.key));
        matches.clear();
        keyed.forEach(k -> matches.add(k.host));
        return matches;
    }

    /** A host with its sort key. */
    private record Keyed(FqlOrder.SortKey key, FleetHost host) {
    }

    /** Opens a scroll over these IDs and returns the token of its first page. */
    synchronized String openScroll(List<String> ids) {
        Instant now = clock.instant();
        scrolls.values().removeIf(c -> !now.isBefore(c.scroll.expiresAt));
        Scroll scroll = new Scroll(ids);
        scroll.expiresAt = now.plusSeconds(SCROLL_LIFETIME_SECONDS);
        return register(scroll, 0);
    }

    private String register(Scroll scroll, int position) {
        String token = "FQL" + UUID.randomUUID().toString().replace("-", "");
        scrolls.put(token, new Cursor(scroll, position));
        return token;
    }

    /**
     * The page a scroll token points at, with the token of the next page (each page has its own, as on
     * the API) and the new expiry; a 400 for an unknown or expired token, as the API refuses one.
     */
    synchronized ScrollPage scroll(String token, int limit) {
        Instant now = clock.instant();
        Cursor cursor = scrolls.get(token);
        if (cursor == null || !now.isBefore(cursor.scroll.expiresAt)) {
            scrolls.remove(token);
            throw SandboxError.badRequest("scroll offset \"" + token + "\" is unknown or has expired (a scroll offset"
                    + " lives " + SCROLL_LIFETIME_SECONDS + " s after its last use); start again without an offset");
        }
        Scroll scroll = cursor.scroll;
        int end = Math.min(scroll.ids.size(), cursor.position + limit);
        List<String> page = List.copyOf(scroll.ids.subList(Math.min(cursor.position, end), end));
        scroll.expiresAt = now.plusSeconds(SCROLL_LIFETIME_SECONDS);
        return new ScrollPage(page, register(scroll, end), scroll.ids.size(), scroll.expiresAt);
    }

    /** One page of a scroll. */
    record ScrollPage(List<String> ids, String next, int total, Instant expiresAt) {
    }

    /** Host {@code i}, from its own random stream; on {@code platform} when not null. */
    private FleetHost generate(int i, String platform) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        String deviceId = hex(r.nextLong()) + hex(r.nextLong());
        String drawn = PLATFORMS[r.nextInt(PLATFORMS.length)];
        platform = platform == null ? drawn : platform;
        String dept = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        String osVersion;
        String osBuild;
        String type;
        String hostname;
        String maker;
        switch (platform) {
            case "Windows" -> {
                String[] os = OS[r.nextInt(OS.length)];
                osVersion = os[0];
                osBuild = os[1];
                type = os[2];
                hostname = (type.equals("Server") ? "SRV-" : "WS-") + dept.toUpperCase(java.util.Locale.ROOT) + "-" + pad(i);
                maker = MAKERS[r.nextInt(4)];
            }
            case "Mac" -> {
                String[] os = MAC_OS[r.nextInt(MAC_OS.length)];
                osVersion = os[0];
                osBuild = os[1];
                type = "Workstation";
                hostname = dept.toLowerCase(java.util.Locale.ROOT) + "-mbp-" + pad(i);
                maker = "Apple Inc.";
            }
            default -> {
                String[] os = LINUX_OS[r.nextInt(LINUX_OS.length)];
                osVersion = os[0];
                osBuild = os[1];
                type = "Server";
                hostname = "lnx-" + dept.toLowerCase(java.util.Locale.ROOT) + "-" + pad(i);
                maker = r.nextBoolean() ? "Amazon EC2" : "VMware, Inc.";
            }
        }
        Instant lastSeen = REFERENCE.minusSeconds(r.nextLong(45L * 86_400));
        Instant firstSeen = lastSeen.minusSeconds(86_400L * (30 + r.nextInt(700)));
        String externalIp = "203.0.113." + (1 + r.nextInt(254));
        String localIp = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        String mac = "00-50-56-" + hexByte(i >> 16) + "-" + hexByte(i >> 8) + "-" + hexByte(i);
        FleetHost.Identity identity = new FleetHost.Identity(deviceId, hostname, platform, osVersion, osBuild, type,
                AGENTS[r.nextInt(AGENTS.length)], firstSeen.toString(), lastSeen.toString(), externalIp, localIp, mac,
                maker, platform.equals("Linux") ? "" : "corp.example.com", PREVENTION[r.nextInt(PREVENTION.length)],
                SENSOR_UPDATE);
        List<String> tags = r.nextInt(3) == 0 ? List.of() : List.of("FalconGroupingTags/" + dept);
        return new FleetHost(identity, cid, tags);
    }

    private static String pad(int i) {
        String digits = Integer.toString(i);
        return digits.length() >= 5 ? digits : "0".repeat(5 - digits.length()) + digits;
    }

    private static String hexByte(int value) {
        int b = value & 255;
        return b < 16 ? "0" + Integer.toHexString(b) : Integer.toHexString(b);
    }

    private static String hex(long value) {
        String text = Long.toHexString(value);
        return "0".repeat(16 - text.length()) + text;
    }

    /** The generated hosts in order, for tests and seeds; callers hold no lock, so only read IDs. */
    synchronized List<String> ids() {
        List<String> ids = new ArrayList<>(hosts.size());
        for (Iterator<FleetHost> it = hosts.iterator(); it.hasNext();) {
            ids.add(it.next().deviceId());
        }
        return ids;
    }

    @Override
    public String toString() {
        return "Fleet{" + count + " hosts, seed " + seed + "}";
    }
}
