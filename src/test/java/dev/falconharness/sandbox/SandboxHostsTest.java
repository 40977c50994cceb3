package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seeded fleet through the Hosts operations: FQL, sorting, details, containment, hiding and tags. */
class SandboxHostsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FalconSandbox sandbox = FalconSandbox.builder().clock(clock).build();
    private final Harness falcon = sandbox.harness();

    @AfterEach
    void close() {
        falcon.close();
        sandbox.close();
    }

    private List<String> ids(String filter) {
        return texts(falcon.command("QueryDevicesByFilter", Map.of("filter", filter, "limit", 500)).orThrow().resources());
    }

    private JsonNode host(String id) {
        return falcon.command("GetDeviceDetailsV2", Map.of("ids", List.of(id))).orThrow().resources().get(0);
    }

    private static List<String> texts(List<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theDefaultFleetHasFiftyHostsOnEveryPlatformAndIsTheSameOnEveryStart() {
        List<JsonNode> all = falcon.queryThenDetails("QueryDevicesByFilter", Map.of(), "GetDeviceDetailsV2").toList();
        assertEquals(50, all.size());
        Set<String> platforms = new TreeSet<>();
        all.forEach(h -> platforms.add(h.path("platform_name").asText()));
        assertEquals(Set.of("Linux", "Mac", "Windows"), platforms);
        JsonNode first = all.get(0);
        for (String field : List.of("device_id", "hostname", "os_version", "agent_version", "last_seen", "first_seen",
                "external_ip", "local_ip", "mac_address", "product_type_desc", "status")) {
            assertFalse(first.path(field).asText().isEmpty(), field + " in " + first);
        }
        try (FalconSandbox again = FalconSandbox.start(); Harness other = again.harness()) {
            assertEquals(ids("platform_name:'Linux'"), texts(other.command("QueryDevicesByFilter",
                    Map.of("filter", "platform_name:'Linux'", "limit", 500)).orThrow().resources()));
        }
        try (FalconSandbox seeded = FalconSandbox.builder().fleetSeed(7).build(); Harness other = seeded.harness()) {
            assertNotEquals(ids(""), texts(other.command("QueryDevicesByFilter", Map.of()).orThrow().resources()));
        }
    }

    @Test
    void fqlFiltersOnValuesWildcardsNegationRangesListsAndNestedFields() {
        List<String> all = ids("");
        List<String> windows = ids("platform_name:'Windows'");
        List<String> notWindows = ids("platform_name:!'Windows'");
        assertEquals(all.size(), windows.size() + notWindows.size());
        assertTrue(ids("platform_name:['Mac','Linux']").containsAll(notWindows));
        assertEquals(ids("platform_name:'Mac',platform_name:'Linux'").size(), notWindows.size());
        for (String id : ids("hostname:*'lnx-*'")) {
            assertEquals("Linux", host(id).path("platform_name").asText());
        }
        for (String id : ids("last_seen:>='2026-10-20'+platform_name:'Mac'")) {
            JsonNode h = host(id);
            assertTrue(h.path("last_seen").asText().compareTo("2026-10-20") >= 0, h.toString());
            assertEquals("Mac", h.path("platform_name").asText());
        }
        String policy = host(all.get(0)).path("device_policies").path("prevention").path("policy_id").asText();
        List<String> byPolicy = ids("device_policies.prevention.policy_id:'" + policy + "'");
        assertTrue(byPolicy.contains(all.get(0)) && byPolicy.size() < all.size(), byPolicy.toString());
    }

    @Test
    void sortingByHostnameAndLastSeenOrdersTheIds() {
        List<String> asc = texts(falcon.command("QueryDevicesByFilter", Map.of("sort", "hostname.asc", "limit", 100))
                .orThrow().resources());
        List<String> names = asc.stream().map(id -> host(id).path("hostname").asText().toLowerCase()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        List<String> desc = texts(falcon.command("QueryDevicesByFilter", Map.of("sort", "last_seen|desc", "limit", 100))
                .orThrow().resources());
        String previous = "9999";
        for (String id : desc.subList(0, 10)) {
            String seen = host(id).path("last_seen").asText();
            assertTrue(seen.compareTo(previous) <= 0, seen + " after " + previous);
            previous = seen;
        }
    }

    @Test
    void sortingOnANestedFieldOrdersByItAndThenKeepsGenerationOrder() {
        List<String> ids = texts(falcon.command("QueryDevicesByFilter",
                Map.of("sort", "device_policies.prevention.policy_id.desc", "limit", 100)).orThrow().resources());
        List<String> policies = ids.stream()
                .map(id -> host(id).path("device_policies").path("prevention").path("policy_id").asText()).toList();
        assertEquals(policies.stream().sorted(java.util.Comparator.reverseOrder()).toList(), policies);
        assertTrue(policies.stream().distinct().count() > 1, "the fleet has several prevention policies");
    }

    @Test
    void everyDocumentedScalarFieldFiltersAndSortsAndTheDetailsMatchTheirSchema() {
        String first = ids("").get(0);
        JsonNode host = host(first);
        assertEquals(List.of(first), ids("serial_number:'" + host.path("serial_number").asText() + "'"));
        assertEquals(ids("platform_name:'Linux'"), ids("platform_id:'3'"));
        assertFalse(ids("os_product_name:*'Windows*Datacenter'").isEmpty());
        assertEquals(List.of(), ids("bios_manufacturer:'Dell Inc.'"), "documented but not reported: no host matches");
        assertEquals(400, falcon.command("QueryDevicesByFilter", Map.of("filter", "colour:'red'")).statusCode());
        List<String> byReboot = texts(falcon.command("QueryDevicesByFilter", Map.of("sort", "last_reboot.desc",
                "limit", 10)).orThrow().resources());
        List<String> reboots = byReboot.stream().map(id -> host(id).path("last_reboot").asText()).toList();
        assertEquals(reboots.stream().sorted(java.util.Comparator.reverseOrder()).toList(), reboots);
        assertEquals(List.of(), falcon.command("GetDeviceDetailsV2", Map.of("ids", ids("").subList(0, 20))).orThrow()
                .schemaProblems());
    }

    @Test
    void anFqlSyntaxErrorIsA400WithTheApiEnvelope() {
        ApiResponse response = falcon.command("QueryDevicesByFilter", Map.of("filter", "hostname:'unclosed"));
        assertEquals(400, response.statusCode());
        assertTrue(response.errors().get(0).message().contains("unclosed quote"), response.text());
        assertEquals(400, falcon.command("QueryDevicesByFilter", Map.of("filter", "nosuchfield:'x'")).statusCode());
    }

    @Test
    void containmentMovesThroughPendingToContainedAndBack() {
        List<String> targets = ids("platform_name:'Linux'").subList(0, 2);
        ApiResponse contain = falcon.command("PerformActionV2", Map.of("action_name", "contain"), Map.of("ids", targets));
        assertEquals(202, contain.statusCode(), contain.text());
        assertEquals(targets, contain.resources().stream().map(r -> r.path("id").asText()).toList());
        assertEquals("containment_pending", host(targets.get(0)).path("status").asText());
        assertEquals("contained", host(targets.get(0)).path("status").asText(), "settles after one read");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(ids("status:'contained'").containsAll(targets), "the other settles after a tick of the clock");
        falcon.command("PerformActionV2", Map.of("action_name", "lift_containment"), Map.of("ids", targets)).orThrow();
        assertEquals("lift_containment_pending", host(targets.get(1)).path("status").asText());
        assertEquals("normal", host(targets.get(1)).path("status").asText());
        assertTrue(ids("status:!'normal'").isEmpty() || !ids("status:!'normal'").contains(targets.get(1)));
    }

    @Test
    void hiddenHostsLeaveQueriesAndDetailsUntilUnhidden() {
        String id = ids("").get(3);
        falcon.command("PerformActionV2", Map.of("action_name", "hide_host"), Map.of("ids", List.of(id))).orThrow();
        assertFalse(ids("").contains(id));
        assertEquals(List.of(id), texts(falcon.command("QueryHiddenDevices", Map.of()).orThrow().resources()));
        assertEquals(404, falcon.command("GetDeviceDetailsV2", Map.of("ids", List.of(id))).statusCode());
        falcon.command("PerformActionV2", Map.of("action_name", "unhide_host"), Map.of("ids", List.of(id))).orThrow();
        assertTrue(ids("").contains(id));
    }

    @Test
    void tagsAreAddedAndRemovedAndFqlFindsThem() {
        List<String> two = ids("").subList(0, 2);
        ApiResponse added = falcon.command("UpdateDeviceTags", Map.of(),
                Map.of("action", "add", "device_ids", two, "tags", List.of("FalconGroupingTags/quarantine")));
        assertTrue(added.orThrow().resources().get(0).path("updated").asBoolean(), added.text());
        assertEquals(two, ids("tags:'FalconGroupingTags/quarantine'"));
        assertTrue(host(two.get(0)).path("tags").toString().contains("FalconGroupingTags/quarantine"));
        falcon.command("UpdateDeviceTags", Map.of(), Map.of("action", "remove", "device_ids", two,
                "tags", List.of("FalconGroupingTags/quarantine"))).orThrow();
        assertTrue(ids("tags:'FalconGroupingTags/quarantine'").isEmpty());
        ApiResponse bad = falcon.command("UpdateDeviceTags", Map.of(), Map.of("action", "add", "device_ids", two,
                "tags", List.of("quarantine")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.errors().get(0).message().contains("FalconGroupingTags/"), bad.text());
    }

    @Test
    void postDeviceDetailsReturnsEntitiesAndAnUnknownIdIsA404Error() {
        String id = ids("").get(0);
        ApiResponse response = falcon.command("PostDeviceDetailsV2", Map.of(), Map.of("ids", List.of(id, "0".repeat(32))));
        assertEquals(200, response.statusCode());
        assertEquals(id, response.resources().get(0).path("device_id").asText());
        assertEquals(404, response.errors().get(0).code());
    }
}
