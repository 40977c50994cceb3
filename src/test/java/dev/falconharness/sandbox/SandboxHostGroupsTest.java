package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Host groups on the seeded fleet: static membership by action, dynamic membership by rule. */
class SandboxHostGroupsTest {
    private final FalconSandbox sandbox = FalconSandbox.start();
    private final Harness falcon = sandbox.harness();

    @AfterEach
    void close() {
        falcon.close();
        sandbox.close();
    }

    private static List<String> texts(List<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String create(String name, String type, String rule) {
        Map<String, Object> group = rule == null ? Map.of("name", name, "group_type", type)
                : Map.of("name", name, "group_type", type, "assignment_rule", rule);
        ApiResponse created = falcon.command("createHostGroups", Map.of(), Map.of("resources", List.of(group)));
        assertEquals(201, created.statusCode(), created.text());
        return created.resources().get(0).path("id").asText();
    }

    private List<String> members(String groupId) {
        return texts(falcon.command("queryGroupMembers", Map.of("id", groupId, "limit", 500)).orThrow().resources());
    }

    @Test
    void aDynamicGroupPicksUpAHostWhoseTagChangesAndDropsItWhenTheTagGoes() {
        String group = create("Quarantine", "dynamic", "tags:'FalconGroupingTags/quarantine'");
        assertTrue(members(group).isEmpty());
        String host = texts(falcon.command("QueryDevicesByFilter", Map.of()).orThrow().resources()).get(5);
        Map<String, Object> tag = Map.of("action", "add", "device_ids", List.of(host),
                "tags", List.of("FalconGroupingTags/quarantine"));
        falcon.command("UpdateDeviceTags", Map.of(), tag).orThrow();
        assertEquals(List.of(host), members(group));
        JsonNode details = falcon.command("GetDeviceDetailsV2", Map.of("ids", List.of(host))).orThrow().resources().get(0);
        assertTrue(texts(List.copyOf(iterable(details.path("groups")))).contains(group), details.toString());
        falcon.command("UpdateDeviceTags", Map.of(), Map.of("action", "remove", "device_ids", List.of(host),
                "tags", List.of("FalconGroupingTags/quarantine"))).orThrow();
        assertTrue(members(group).isEmpty());
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void staticGroupsGainAndLoseHostsByFilterAndDynamicGroupsRefuseIt() {
        String group = create("Pilot", "static", null);
        List<String> linux = texts(falcon.command("QueryDevicesByFilter", Map.of("filter", "platform_name:'Linux'"))
                .orThrow().resources());
        Map<String, Object> body = Map.of("ids", List.of(group), "action_parameters",
                List.of(Map.of("name", "filter", "value", "(platform_name:'Linux')")));
        ApiResponse added = falcon.command("performGroupAction", Map.of("action_name", "add-hosts"), body);
        assertEquals(200, added.statusCode(), added.text());
        assertEquals(linux, members(group));
        Map<String, Object> one = Map.of("ids", List.of(group), "action_parameters",
                List.of(Map.of("name", "filter", "value", "(device_id:['" + linux.get(0) + "'])")));
        falcon.command("performGroupAction", Map.of("action_name", "remove-hosts"), one).orThrow();
        assertEquals(linux.subList(1, linux.size()), members(group));
        List<JsonNode> combined = falcon.command("queryCombinedGroupMembers", Map.of("id", group)).orThrow().resources();
        assertEquals("Linux", combined.get(0).path("platform_name").asText());

        String dynamic = create("Macs", "dynamic", "platform_name:'Mac'");
        ApiResponse refused = falcon.command("performGroupAction", Map.of("action_name", "add-hosts"),
                Map.of("ids", List.of(dynamic), "action_parameters", List.of(Map.of("name", "filter", "value", "(platform_name:'Linux')"))));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.errors().get(0).message().contains("dynamic"), refused.text());
    }

    @Test
    void groupsAreQueriedUpdatedAndDeleted() {
        List<JsonNode> seeded = falcon.command("queryCombinedHostGroups", Map.of("sort", "name.asc")).orThrow().resources();
        assertEquals(List.of("Finance", "Linux Servers", "Windows Servers"),
                seeded.stream().map(g -> g.path("name").asText()).toList());
        String group = create("Canary", "dynamic", "platform_name:'Mac'");
        assertEquals(List.of(group), texts(falcon.command("queryHostGroups", Map.of("filter", "name:'Canary'"))
                .orThrow().resources()));
        ApiResponse updated = falcon.command("updateHostGroups", Map.of(), Map.of("resources",
                List.of(Map.of("id", group, "name", "Canary 2", "assignment_rule", "platform_name:'Linux'"))));
        assertEquals("Canary 2", updated.orThrow().resources().get(0).path("name").asText());
        assertEquals(texts(falcon.command("QueryDevicesByFilter", Map.of("filter", "platform_name:'Linux'")).orThrow()
                .resources()), members(group));
        falcon.command("deleteHostGroups", Map.of("ids", List.of(group))).orThrow();
        assertEquals(404, falcon.command("getHostGroups", Map.of("ids", List.of(group))).statusCode());
        assertFalse(falcon.command("queryHostGroups", Map.of()).orThrow().text().contains(group));
    }

    @Test
    void badGroupsAreRefusedWithTheReason() {
        ApiResponse badType;
        try (Harness unchecked = sandbox.harnessBuilder().bodyValidation(dev.falconharness.BodyValidation.OFF).build()) {
            badType = unchecked.command("createHostGroups", Map.of(), Map.of("resources",
                    List.of(Map.of("name", "X", "group_type", "smart"))));
        }
        assertEquals(400, badType.statusCode());
        assertTrue(badType.errors().get(0).message().contains("static, dynamic or staticByID"), badType.text());
        ApiResponse badRule = falcon.command("createHostGroups", Map.of(), Map.of("resources",
                List.of(Map.of("name", "Y", "group_type", "dynamic", "assignment_rule", "platform_name:'Mac"))));
        assertEquals(400, badRule.statusCode());
        assertTrue(badRule.errors().get(0).message().contains("unclosed quote"), badRule.text());
        ApiResponse taken = falcon.command("createHostGroups", Map.of(), Map.of("resources",
                List.of(Map.of("name", "finance", "group_type", "static"))));
        assertEquals(400, taken.statusCode());
    }

    @Test
    void groupAndUserListingsRefuseAPagePastTheTenThousandthRecordAsEveryQueryDoes() {
        String group = texts(falcon.command("queryHostGroups").orThrow().resources()).get(0);
        for (var call : List.of(falcon.command("queryGroupMembers", Map.of("id", group, "offset", 9_999, "limit", 5)),
                falcon.command("queryHostGroups", Map.of("offset", 9_999, "limit", 5)),
                falcon.command("queryUserV1", Map.of("offset", 9_999, "limit", 5)))) {
            assertEquals(400, call.statusCode(), call.text());
            assertTrue(call.errors().get(0).message().contains("offset + limit must be at most 10000, got 9999 + 5"),
                    call.text());
        }
        assertEquals(200, falcon.command("queryHostGroups", Map.of("offset", 9_995, "limit", 5)).statusCode());
    }
}
