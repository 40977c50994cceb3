package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed file's hosts and host groups replace the generated fleet, and reset() brings them back. */
class SandboxFleetSeedTest {
    private static final String WEB_02 = "0123456789abcdef0123456789abcdef";

    private static Path resource(String name) {
        try {
            return Path.of(SandboxFleetSeedTest.class.getResource("/sandbox/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> hostnames(Harness falcon, String filter) {
        List<String> ids = falcon.command("QueryDevicesByFilter", Map.of("filter", filter, "sort", "hostname.asc"))
                .orThrow().resources().stream().map(JsonNode::asText).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return falcon.command("GetDeviceDetailsV2", Map.of("ids", ids)).orThrow().resources().stream()
                .map(h -> h.path("hostname").asText()).toList();
    }

    private static String groupId(Harness falcon, String name) {
        return falcon.command("queryHostGroups", Map.of("filter", "name:'" + name + "'")).orThrow()
                .resources().get(0).asText();
    }

    private static List<String> members(Harness falcon, String groupId) {
        return falcon.command("queryCombinedGroupMembers", Map.of("id", groupId, "sort", "hostname.asc")).orThrow()
                .resources().stream().map(h -> h.path("hostname").asText()).toList();
    }

    @Test
    void seededHostsReplaceTheGeneratedFleetAndKeepWhatTheyGive() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            assertEquals(List.of("DC-01", "web-01", "web-02"), hostnames(falcon, ""));
            JsonNode web01 = falcon.command("GetDeviceDetailsV2", Map.of("ids",
                    falcon.command("QueryDevicesByFilter", Map.of("filter", "hostname:'web-01'")).orThrow()
                            .resources().get(0).asText())).orThrow().resources().get(0);
            assertEquals("Linux", web01.path("platform_name").asText());
            assertEquals("2026-10-30T12:00:00Z", web01.path("last_seen").asText());
            assertEquals("198.51.100.7", web01.path("external_ip").asText());
            assertEquals("Server", web01.path("product_type_desc").asText(), "generated fields follow the seeded platform");
            assertTrue(web01.path("os_version").asText().matches("Ubuntu.*|RHEL.*|Amazon Linux.*|Debian.*"),
                    web01.path("os_version").asText());
            JsonNode web02 = falcon.command("GetDeviceDetailsV2", Map.of("ids", WEB_02)).orThrow().resources().get(0);
            assertEquals("contained", web02.path("status").asText());
            assertEquals(List.of("web-02"), hostnames(falcon, "status:'contained'"));
            assertEquals(1, falcon.command("QueryHiddenDevices").orThrow().resources().size());
            assertEquals(1, falcon.command("QueryHiddenDevices", Map.of("filter", "hostname:'fin-laptop-7'")).orThrow()
                    .resources().size());
            assertEquals(List.of("DC-01"), hostnames(falcon, "product_type_desc:'Domain Controller'"));
        }
    }

    @Test
    void seededGroupsReplaceTheBuiltInOnesWithTheirRulesAndMembers() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            List<String> names = falcon.command("queryCombinedHostGroups").orThrow().resources().stream()
                    .map(g -> g.path("name").asText()).toList();
            assertEquals(List.of("Pilot", "Web"), names);
            assertEquals("fedcba9876543210fedcba9876543210", groupId(falcon, "Pilot"));
            assertEquals(List.of("DC-01", "web-01"), members(falcon, groupId(falcon, "Pilot")));
            assertEquals(List.of("web-01", "web-02"), members(falcon, groupId(falcon, "Web")));
        }
    }

    @Test
    void resetBringsBackTheSeededFleetNotTheGeneratedOne() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            falcon.command("PerformActionV2", Map.of("action_name", "lift_containment"), Map.of("ids", List.of(WEB_02)))
                    .orThrow();
            falcon.command("deleteHostGroups", Map.of("ids", groupId(falcon, "Web"))).orThrow();
            sandbox.reset();
            assertEquals(List.of("web-02"), hostnames(falcon, "status:'contained'"));
            assertEquals(List.of("web-01", "web-02"), members(falcon, groupId(falcon, "Web")));
        }
    }

    @Test
    void fieldsAHostLeavesOutAreTheSameOnEveryRun() {
        String first;
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            first = falcon.command("PostDeviceDetailsV2", Map.of(), Map.of("ids", falcon.command("QueryDevicesByFilter")
                    .orThrow().resources())).orThrow().resources().toString();
        }
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            assertEquals(first, falcon.command("PostDeviceDetailsV2", Map.of(), Map.of("ids",
                    falcon.command("QueryDevicesByFilter").orThrow().resources())).orThrow().resources().toString());
        }
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).fleetSeed(7).build();
             Harness falcon = sandbox.harness()) {
            assertNotEquals(first, falcon.command("PostDeviceDetailsV2", Map.of(), Map.of("ids",
                    falcon.command("QueryDevicesByFilter").orThrow().resources())).orThrow().resources().toString());
        }
    }

    @Test
    void aFleetSeedWithMistakesIsRefusedWithEveryProblemAndWhereItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"hosts": [
                   {"hostname": "a", "platform_name": "BeOS", "tags": ["web"], "local_ip": "10.0.0.300"},
                   {"platform": "Linux", "last_seen": "yesterday", "device_id": "xyz", "status": "quarantined"}],
                 "host_groups": [
                   {"name": "A", "group_type": "dynamic", "assignment_rule": "colour:'red'"},
                   {"name": "a", "group_type": "static", "assignment_rule": "platform_name:'Linux'"},
                   {"name": "B", "group_type": "dynamic", "hosts": ["a"]}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(file).build());
        String message = e.getMessage();
        for (String expected : List.of(
                "$.hosts[0].platform_name: \"BeOS\" is not one of Windows, Mac, Linux",
                "$.hosts[0].tags[0]: a Falcon Grouping Tag is FalconGroupingTags/<name>, got \"web\"",
                "$.hosts[0].local_ip: expected an IPv4 address",
                "$.hosts[1].platform: unknown field",
                "$.hosts[1].hostname: required",
                "$.hosts[1].last_seen: expected an ISO-8601 instant",
                "$.hosts[1].device_id: expected 32 hexadecimal digits",
                "$.hosts[1].status: \"quarantined\" is not one of normal, contained",
                "$.host_groups[0].assignment_rule: cannot filter on 'colour'",
                "$.host_groups[1].name: \"a\" is used by an earlier group",
                "$.host_groups[1].assignment_rule: only a dynamic group has a rule",
                "$.host_groups[2].assignment_rule: a dynamic group needs an FQL rule",
                "$.host_groups[2].hosts: a dynamic group takes its members from assignment_rule")) {
            assertTrue(message.contains(expected), () -> "missing <" + expected + "> in:\n" + message);
        }
        assertTrue(message.contains("has 13 problem(s)"), message);
    }

    @Test
    void aStaticGroupNamingAnUnknownHostIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("groups.json");
        Files.writeString(file, "{\"host_groups\": [{\"name\": \"Pilot\", \"hosts\": [\"no-such-host\"]}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(file).build());
        assertTrue(e.getMessage().contains("$.host_groups[0].hosts[0]: no host has the device ID or hostname"
                + " \"no-such-host\""), e.getMessage());
    }

    @Test
    void staticGroupsOfASeedFileMayNameGeneratedHosts(@TempDir Path dir) throws IOException {
        String someHost;
        try (FalconSandbox sandbox = FalconSandbox.start(); Harness falcon = sandbox.harness()) {
            someHost = falcon.command("QueryDevicesByFilter", Map.of("limit", 1)).orThrow().resources().get(0).asText();
        }
        Path file = dir.resolve("groups.json");
        Files.writeString(file, "{\"host_groups\": [{\"name\": \"Pilot\", \"hosts\": [\"" + someHost + "\"]}]}");
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(file).build(); Harness falcon = sandbox.harness()) {
            assertEquals(1, members(falcon, groupId(falcon, "Pilot")).size());
            assertEquals(50, falcon.command("QueryDevicesByFilter").orThrow().resources().size());
        }
    }

    @Test
    void hostsFromBothTheBuilderAndTheSeedFileIsAMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(resource("fleet-seed.json")).hosts(500).build());
        assertTrue(e.getMessage().contains("lists its own hosts"), e.getMessage());
    }

    @Test
    void seededIndicatorsReplaceTheGeneratedOnesAndNameGroupsByName() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            List<JsonNode> all = falcon.command("indicator_combined_v1", Map.of("sort", "value")).orThrow().resources();
            assertEquals(List.of("198.51.100.66", "bad.example.net"), all.stream().map(i -> i.path("value").asText()).toList());
            assertEquals(List.of(groupId(falcon, "Web")), texts(all.get(1).path("host_groups")),
                    "a group named in the seed file is stored by its ID");
            assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", all.get(0).path("id").asText());
            assertTrue(all.get(1).path("id").asText().matches("[0-9a-f]{64}"), "an ID is generated when none is given");
            falcon.command("indicator_delete_v1", Map.of("ids", all.get(0).path("id").asText())).orThrow();
            sandbox.reset();
            assertEquals(2, falcon.command("indicator_search_v1").orThrow().resources().size());
        }
    }

    @Test
    void seededIndicatorsWithMistakesAreRefusedWithTheirPlaces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("iocs.json");
        Files.writeString(file, """
                {"indicators": [
                   {"type": "md5", "value": "not-a-hash", "action": "allow", "platforms": ["linux"], "applied_globally": true},
                   {"type": "domain", "value": "x.example", "action": "detect", "severity": "low", "platforms": ["mac"],
                    "applied_globally": false, "host_groups": ["No Such Group"]},
                   {"type": "domain", "value": "dup.example", "action": "no_action", "platforms": ["mac"], "applied_globally": true},
                   {"type": "domain", "value": "DUP.example", "action": "no_action", "platforms": ["mac"], "applied_globally": true}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(file).build());
        String message = e.getMessage();
        for (String expected : List.of("$.indicators[0].value:", "$.indicators[1].host_groups: no host group has ID",
                "$.indicators[3]: the same type and value as $.indicators[2]")) {
            assertTrue(message.contains(expected), () -> "missing <" + expected + "> in:\n" + message);
        }
    }

    @Test
    void seededAlertsReplaceTheGeneratedOnesAndNameHostsByIdOrHostname() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("fleet-seed.json")).build();
             Harness falcon = sandbox.harness()) {
            List<JsonNode> ids = falcon.command("GetQueriesAlertsV2", Map.of("sort", "device.hostname.asc")).orThrow()
                    .resources();
            assertEquals(2, ids.size());
            List<JsonNode> alerts = falcon.command("PostEntitiesAlertsV2", Map.of(), Map.of("composite_ids", ids))
                    .orThrow().resources();
            assertEquals("web-01", alerts.get(0).path("device").path("hostname").asText());
            assertEquals(90, alerts.get(0).path("severity").asInt());
            assertEquals(WEB_02, alerts.get(1).path("device").path("device_id").asText());
            assertEquals("in_progress", alerts.get(1).path("status").asText());
            assertEquals(List.of(ids.get(1)), falcon.command("GetQueriesAlertsV2",
                    Map.of("filter", "assigned_to_uid:'ana.analyst@example.com'")).orThrow().resources());
            falcon.command("PatchEntitiesAlertsV3", Map.of(), Map.of("composite_ids", List.of(ids.get(0).asText()),
                    "action_parameters", List.of(Map.of("name", "update_status", "value", "closed")))).orThrow();
            sandbox.reset();
            assertEquals(0, falcon.command("GetQueriesAlertsV2", Map.of("filter", "status:'closed'")).orThrow()
                    .resources().size());
        }
    }

    @Test
    void seededAlertsNamingUnknownHostsAreRefusedWithTheirPlaces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("alerts.json");
        Files.writeString(file, """
                {"hosts": [{"hostname": "web-01", "platform_name": "Linux"}],
                 "alerts": [
                   {"hostname": "web-99", "pattern_id": 30215},
                   {"hostname": "web-01", "device_id": "0123456789abcdef0123456789abcdef", "pattern_id": 30215},
                   {"device_id": "ffffffffffffffffffffffffffffffff", "pattern_id": 30215},
                   {"hostname": "WEB-01", "pattern_id": 30215, "status": "snoozed"}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(file).build());
        String message = e.getMessage();
        for (String expected : List.of("$.alerts[0].hostname: no host of the fleet is named \"web-99\"",
                "$.alerts[1].hostname: give the host by device_id or by hostname, not both",
                "$.alerts[2].device_id: no host of the fleet has the ID", "$.alerts[3].status:")) {
            assertTrue(message.contains(expected), () -> "missing <" + expected + "> in:\n" + message);
        }
        assertTrue(message.contains("have 4 problem(s)"), message);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
