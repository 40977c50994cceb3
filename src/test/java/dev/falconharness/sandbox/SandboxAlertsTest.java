package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet's alerts through the Alerts operations: queries, details, triage actions and aggregations. */
class SandboxAlertsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FalconSandbox sandbox = FalconSandbox.builder().clock(clock).build();
    private final Harness falcon = sandbox.harness();

    @AfterEach
    void close() {
        falcon.close();
        sandbox.close();
    }

    private List<String> ids(Map<String, Object> params) {
        List<String> out = new ArrayList<>();
        falcon.command("GetQueriesAlertsV2", params).orThrow().resources().forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<String> ids(String filter) {
        return ids(Map.of("filter", filter, "limit", 500));
    }

    private List<JsonNode> alerts(List<String> compositeIds) {
        ApiResponse response = falcon.command("PostEntitiesAlertsV2", Map.of(), Map.of("composite_ids", compositeIds));
        assertEquals(List.of(), response.orThrow().schemaProblems());
        return response.resources();
    }

    private ApiResponse act(List<String> compositeIds, String... nameValues) {
        List<Map<String, String>> actions = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            actions.add(Map.of("name", nameValues[i], "value", nameValues[i + 1]));
        }
        return falcon.command("PatchEntitiesAlertsV3", Map.of(),
                Map.of("composite_ids", compositeIds, "action_parameters", actions));
    }

    /** One aggregation request, with only the fields it uses, as the SDKs send it. */
    static Map<String, Object> aggregation(String name, String type, String field, Map<String, Object> set) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("type", type);
        request.put("field", field);
        request.putAll(set);
        return request;
    }

    private JsonNode aggregate(Map<String, Object> request) {
        ApiResponse response = falcon.command("PostAggregatesAlertsV2", Map.of(), List.of(request));
        assertEquals(List.of(), response.orThrow().schemaProblems());
        return response.resources().get(0);
    }

    @Test
    void theDefaultFleetHasTenAlertsEachOnARealHostOfTheFleet() {
        List<String> all = ids(Map.of());
        assertEquals(10, all.size());
        for (JsonNode alert : alerts(all)) {
            String deviceId = alert.path("device").path("device_id").asText();
            assertEquals(FalconSandbox.CUSTOMER_ID + ":ind:" + deviceId + ":",
                    alert.path("composite_id").asText().substring(0, FalconSandbox.CUSTOMER_ID.length() + 38));
            assertEquals("ind:" + deviceId, alert.path("id").asText().substring(0, 36));
            JsonNode host = falcon.command("GetDeviceDetailsV2", Map.of("ids", List.of(deviceId))).orThrow()
                    .resources().get(0);
            assertEquals(host.path("hostname").asText(), alert.path("device").path("hostname").asText());
            assertEquals(host.path("platform_name").asText(), alert.path("platform").asText());
            assertEquals(host.path("local_ip").asText(), alert.path("device").path("local_ip").asText());
            assertEquals("epp", alert.path("product").asText());
            assertTrue(FleetAlert.STATUSES.contains(alert.path("status").asText()), alert.toString());
            int severity = alert.path("severity").asInt();
            assertEquals(FleetAlert.severityName(severity), alert.path("severity_name").asText());
            assertTrue(alert.path("technique_id").asText().startsWith("T"), alert.toString());
        }
    }

    @Test
    void triageMovesAnAlertOutOfTheNewQueueAndRecordsWhoAndWhen() {
        List<String> fresh = ids("status:'new'");
        assertFalse(fresh.isEmpty());
        String target = fresh.get(0);
        clock.advance(Duration.ofHours(2));
        ApiResponse done = act(List.of(target), "update_status", "in_progress", "assign_to_user_id",
                "ana.analyst@example.com");
        assertEquals(200, done.statusCode(), done.text());
        assertEquals(1, done.meta().path("writes").path("resources_affected").asInt());
        assertFalse(ids("status:'new'").contains(target));
        assertEquals(fresh.size() - 1, ids("status:'new'").size());
        assertTrue(ids("status:'in_progress'+assigned_to_name:'Ana Analyst'").contains(target));
        JsonNode alert = alerts(List.of(target)).get(0);
        assertEquals("2026-11-30T14:00:00.000Z", alert.path("updated_timestamp").asText());
        assertEquals("0b7e4c1a-3d2f-4a5b-8c6d-7e8f9a0b1c2d", alert.path("assigned_to_uuid").asText());
        assertTrue(alert.path("seconds_to_triaged").asLong() > 0, alert.toString());
        act(List.of(target), "unassign", "");
        assertEquals("", alerts(List.of(target)).get(0).path("assigned_to_name").asText());
        assertFalse(ids("assigned_to_name:'Ana Analyst'").contains(target));
    }

    @Test
    void commentsAndTagsAreKeptFilteredOnAndTagsAreRemovedBeforeTheyAreAdded() {
        String target = ids(Map.of()).get(3);
        act(List.of(target), "append_comment", "Escalated to IR", "add_tag", "campaign/q4-phish",
                "add_tag", "campaign/keep").orThrow();
        JsonNode alert = alerts(List.of(target)).get(0);
        assertEquals("Escalated to IR", alert.path("comments").get(0).path("value").asText());
        assertTrue(alert.path("tags").toString().contains("campaign/q4-phish"), alert.toString());
        assertEquals(List.of(target), ids("tags:'campaign/q4-phish'"));
        assertEquals(List.of(target), ids(Map.of("q", "escalated to ir")));
        // One request adds one tag and removes the prefix: removal comes first, so the added tag stays.
        act(List.of(target), "add_tag", "campaign/new", "remove_tags_by_prefix", "campaign/").orThrow();
        JsonNode tags = alerts(List.of(target)).get(0).path("tags");
        assertTrue(tags.toString().contains("campaign/new") && !tags.toString().contains("campaign/keep"), tags.toString());
        act(List.of(target), "remove_tag", "campaign/new").orThrow();
        assertEquals(List.of(), ids("tags:*'campaign/*'"));
    }

    @Test
    void badActionsAreRefusedWhole() {
        String target = ids(Map.of()).get(0);
        String before = alerts(List.of(target)).get(0).path("updated_timestamp").asText();
        ApiResponse unknown = act(List.of(target), "add_tag", "x", "escalate", "now");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.errors().get(0).message().contains("update_status, assign_to_uuid"), unknown.text());
        ApiResponse status = act(List.of(target), "update_status", "done");
        assertEquals(400, status.statusCode());
        assertTrue(status.errors().get(0).message().contains("new, in_progress, closed, reopened"), status.text());
        assertEquals(400, act(List.of(target), "assign_to_uuid", "not-a-uuid").statusCode());
        assertEquals(400, act(List.of(target, "nope:ind:x:1"), "add_tag", "x").statusCode());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(before, alerts(List.of(target)).get(0).path("updated_timestamp").asText());
        assertEquals(List.of(), ids("tags:'x'"));
    }

    @Test
    void nestedFieldsFilterAndSort() {
        List<String> byHost = ids(Map.of("sort", "device.hostname.desc", "limit", 500));
        List<String> hostnames = new ArrayList<>();
        alerts(byHost).forEach(a -> hostnames.add(a.path("device").path("hostname").asText().toLowerCase()));
        List<String> sorted = new ArrayList<>(hostnames);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, hostnames);
        JsonNode first = alerts(byHost).get(0);
        String deviceId = first.path("device").path("device_id").asText();
        for (JsonNode alert : alerts(ids("device.device_id:'" + deviceId + "'"))) {
            assertEquals(deviceId, alert.path("agent_id").asText());
        }
        List<String> windows = ids("device.platform_name:'Windows'");
        List<String> others = ids("device.platform_name:!'Windows'");
        assertEquals(10, windows.size() + others.size());
        List<String> severe = ids("severity:>=70");
        for (JsonNode alert : alerts(severe)) {
            assertTrue(alert.path("severity").asInt() >= 70, alert.toString());
        }
        List<String> bySeverity = ids(Map.of("sort", "severity|asc"));
        List<Integer> severities = new ArrayList<>();
        alerts(bySeverity).forEach(a -> severities.add(a.path("severity").asInt()));
        assertEquals(severities.stream().sorted().toList(), severities);
        assertEquals(400, falcon.command("GetQueriesAlertsV2", Map.of("sort", "device.nosuch.desc")).statusCode());
        assertEquals(400, falcon.command("GetQueriesAlertsV2", Map.of("filter", "status:'new")).statusCode());
    }

    @Test
    void termsAndDateHistogramCountsAgreeWithTheQueries() {
        JsonNode terms = aggregate(aggregation("by_status", "terms", "status", Map.of()));
        assertEquals("by_status", terms.path("name").asText());
        long total = 0;
        for (JsonNode bucket : terms.path("buckets")) {
            String status = bucket.path("label").asText();
            assertEquals(ids("status:'" + status + "'").size(), bucket.path("count").asInt(), status);
            total += bucket.path("count").asLong();
        }
        assertEquals(10, total + terms.path("sum_other_doc_count").asLong());
        JsonNode top = aggregate(aggregation("top", "terms", "device.platform_name", Map.of("size", 1,
                "filter", "severity:>=20")));
        assertEquals(1, top.path("buckets").size());
        assertEquals(ids("severity:>=20").size(), top.path("buckets").get(0).path("count").asLong()
                + top.path("sum_other_doc_count").asLong());
        JsonNode days = aggregate(aggregation("per_day", "date_histogram", "created_timestamp",
                Map.of("interval", "day")));
        long counted = 0;
        for (JsonNode bucket : days.path("buckets")) {
            Instant start = Instant.ofEpochMilli(bucket.path("label").asLong());
            assertEquals(bucket.path("key_as_string").asText(), AlertTimes.iso(start));
            String range = "created_timestamp:>='" + AlertTimes.iso(start) + "'+created_timestamp:<'"
                    + AlertTimes.iso(start.plus(Duration.ofDays(1))) + "'";
            assertEquals(ids(range).size(), bucket.path("count").asInt(), range);
            counted += bucket.path("count").asLong();
        }
        assertEquals(10, counted);
        for (String sort : List.of("_term|asc", "device.platform_name", "_count|asc")) {
            List<String> labels = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            aggregate(aggregation("platforms", "terms", "device.platform_name", Map.of("sort", sort))).path("buckets")
                    .forEach(b -> {
                        labels.add(b.path("label").asText());
                        counts.add(b.path("count").asLong());
                    });
            if (sort.startsWith("_count")) {
                assertEquals(counts.stream().sorted().toList(), counts, sort);
            } else {
                assertEquals(labels.stream().sorted().toList(), labels, sort);
            }
        }
        JsonNode distinct = aggregate(aggregation("hosts", "cardinality", "device.device_id", Map.of()));
        assertTrue(distinct.path("buckets").get(0).path("count").asInt() <= 10);
    }

    @Test
    void rangeBucketsReadDateMathOffsetsAndNumbersAsTheQueriesDo() {
        int sinceSixtyDays = ids(Map.of("filter", "created_timestamp:>='2026-10-01T12:00:00.000Z'")).size();
        int beforeMidOctober = ids(Map.of("filter", "created_timestamp:<'2026-10-14T22:00:00.000Z'")).size();
        JsonNode dates = aggregate(aggregation("recent", "date_range", "created_timestamp", Map.of("date_ranges", List.of(
                Map.of("from", "now-60d", "to", "now"), Map.of("from", "", "to", "2026-10-15T00:00:00+02:00")))));
        assertEquals(sinceSixtyDays, dates.path("buckets").get(0).path("count").asInt());
        assertEquals(beforeMidOctober, dates.path("buckets").get(1).path("count").asInt());
        assertTrue(sinceSixtyDays > 0 && beforeMidOctober > 0, dates.toString());
        int low = ids(Map.of("filter", "severity:<50")).size();
        JsonNode numbers = aggregate(aggregation("sev", "range", "severity", Map.of("ranges", List.of(
                Map.of("From", 0, "To", 50), Map.of("From", 50, "To", 101)))));
        assertEquals(low, numbers.path("buckets").get(0).path("count").asInt());
        assertEquals(10 - low, numbers.path("buckets").get(1).path("count").asInt());
        ApiResponse unreadable = falcon.command("PostAggregatesAlertsV2", Map.of(), List.of(aggregation("x", "date_range",
                "created_timestamp", Map.of("date_ranges", List.of(Map.of("from", "last tuesday", "to", "now"))))));
        assertEquals(400, unreadable.statusCode());
        assertTrue(unreadable.errors().get(0).message().contains("date_ranges[0].from: \"last tuesday\" is not a time"),
                unreadable.text());
    }

    @Test
    void numbersThatAreNotWholeOrDoNotFitAreRefusedNotReadAsDefaults() {
        try (Harness unchecked = sandbox.harnessBuilder().bodyValidation(dev.falconharness.BodyValidation.OFF).build()) {
            ApiResponse limit = unchecked.command("PostCombinedAlertsV1", Map.of(), Map.of("limit", "abc"));
            assertEquals(400, limit.statusCode(), limit.text());
            ApiResponse size = unchecked.command("PostAggregatesAlertsV2", Map.of(),
                    List.of(aggregation("s", "terms", "status", Map.of("size", 4_294_967_396L))));
            assertEquals(400, size.statusCode(), size.text());
            assertTrue(size.errors().get(0).message().contains(".size must be a whole number"), size.text());
        }
        JsonNode noOffset = aggregate(aggregation("d", "date_range", "created_timestamp", Map.of("date_ranges",
                List.of(Map.of("from", "2026-10-01T00:00:00", "to", "2026-11-01T00:00:00")))));
        assertEquals(ids(Map.of("filter", "created_timestamp:>='2026-10-01'+created_timestamp:<'2026-11-01'")).size(),
                noOffset.path("buckets").get(0).path("count").asInt(), "a time without an offset is UTC");
    }

    @Test
    void everyScalarFieldAnAlertShowsFindsThatAlert() {
        String compositeId = ids(Map.of()).get(0);
        JsonNode alert = alerts(List.of(compositeId)).get(0);
        List<String> checked = new ArrayList<>();
        alert.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.asText().isEmpty() && !value.asText().contains("'")) {
                List<String> found = ids(Map.of("filter", field.getKey() + ":'" + value.asText() + "'", "limit", 100));
                assertTrue(found.contains(compositeId), field.getKey() + ":'" + value.asText() + "' misses the alert");
                checked.add(field.getKey());
            }
        });
        assertTrue(checked.containsAll(List.of("email_sent", "external", "origin_cid", "falcon_host_link")), checked.toString());
        assertTrue(ids(Map.of("filter", "source_products:'Falcon Insight'")).contains(compositeId));
    }

    @Test
    void everyDocumentedScalarFieldFiltersAndUnknownOnesAreRefused() {
        assertEquals(List.of(), ids(Map.of("filter", "ioc_type:'domain'")),
                "documented, not kept: no alert matches");
        assertEquals(10, ids(Map.of("sort", "ioc_type|asc")).size());
        assertEquals(400, falcon.command("GetQueriesAlertsV2", Map.of("filter", "colour:'red'")).statusCode());
    }

    @Test
    void unsupportedAggregationsAreRefusedNamingWhatIsSupported() {
        ApiResponse type = falcon.command("PostAggregatesAlertsV2", Map.of(),
                List.of(aggregation("x", "percentiles", "severity", Map.of())));
        assertEquals(400, type.statusCode());
        assertTrue(type.errors().get(0).message().contains("terms, date_histogram"), type.text());
        ApiResponse field = falcon.command("PostAggregatesAlertsV2", Map.of(),
                List.of(aggregation("x", "terms", "colour", Map.of())));
        assertEquals(400, field.statusCode());
        assertTrue(field.errors().get(0).message().contains("device.hostname"), field.text());
        ApiResponse interval = falcon.command("PostAggregatesAlertsV2", Map.of(),
                List.of(aggregation("x", "date_histogram", "created_timestamp", Map.of("interval", "fortnight"))));
        assertEquals(400, interval.statusCode());
    }

    @Test
    void offsetsPastTenThousandAreRefusedAsTheApiRefusesThem() {
        ApiResponse page = falcon.command("GetQueriesAlertsV2", Map.of("offset", 4, "limit", 3));
        assertEquals(3, page.resources().size());
        assertEquals(10, page.meta().path("pagination").path("total").asInt());
        assertEquals(4, page.meta().path("pagination").path("offset").asInt());
        assertEquals(ids(Map.of()).subList(4, 7), ids(Map.of("offset", 4, "limit", 3)));
        ApiResponse past = falcon.command("GetQueriesAlertsV2", Map.of("offset", 9_999, "limit", 2));
        assertEquals(400, past.statusCode());
        assertTrue(past.errors().get(0).message().contains("10000"), past.text());
    }

    @Test
    void fiftyFiveThousandHostsHaveElevenThousandAlertsAndAfterCursorsReachEachOnce() {
        try (FalconSandbox big = FalconSandbox.builder().hosts(55_000).build(); Harness other = big.harness()) {
            ApiResponse last = other.command("GetQueriesAlertsV2", Map.of("offset", 9_000, "limit", 1_000)).orThrow();
            assertEquals(11_000, last.meta().path("pagination").path("total").asInt());
            assertEquals(1_000, last.resources().size());
            ApiResponse refused = other.command("GetQueriesAlertsV2", Map.of("offset", 9_001, "limit", 1_000));
            assertEquals(400, refused.statusCode());
            assertTrue(refused.errors().get(0).message().contains("PostCombinedAlertsV1"), refused.text());
            List<String> seen = other.paginate("PostCombinedAlertsV1", Map.of(), Map.of("limit", 1_000,
                    "sort", "device.hostname.asc")).stream().map(a -> a.path("composite_id").asText()).toList();
            assertEquals(11_000, seen.size());
            assertEquals(11_000, new java.util.HashSet<>(seen).size(), "each alert exactly once");
            JsonNode byStatus = other.command("PostAggregatesAlertsV2", Map.of(),
                    List.of(aggregation("s", "terms", "status", Map.of()))).orThrow().resources().get(0);
            long sum = 0;
            for (JsonNode bucket : byStatus.path("buckets")) {
                sum += bucket.path("count").asLong();
            }
            assertEquals(11_000, sum);
        }
    }

    @Test
    void combinedAlertsPageWhetherTheBodyIsAMapJsonTextOrGivenAsArguments() {
        List<String> all = ids(Map.of());
        Map<String, Object> sortOnly = Map.of("sort", "severity|desc");
        List<List<String>> ways = List.of(
                ids(falcon.paginate("PostCombinedAlertsV1", Map.of(), Map.of("limit", 3)).stream()),
                ids(falcon.paginate("PostCombinedAlertsV1", Map.of(), "{\"limit\": 3}").stream()),
                ids(falcon.paginate("PostCombinedAlertsV1", Map.of("limit", 3)).stream()),
                ids(falcon.paginate("PostCombinedAlertsV1", sortOnly).pageSize(4).stream()),
                ids(falcon.paginate("PostCombinedAlertsV1", Map.of("body", Map.of("limit", 3))).stream()));
        for (List<String> seen : ways) {
            assertEquals(new java.util.TreeSet<>(all), new java.util.TreeSet<>(seen), "every alert once: " + seen);
            assertEquals(all.size(), seen.size());
        }
    }

    @Test
    void textThatIsNotOneJsonObjectIsSentAsGivenAndRefusedAsACallWouldBe() {
        assertThrows(dev.falconharness.PaginationException.class, () -> falcon.paginate("PostCombinedAlertsV1", Map.of(),
                "{\"limit\": 3} trailing").toList());
    }

    private static List<String> ids(java.util.stream.Stream<JsonNode> alerts) {
        return alerts.map(a -> a.path("composite_id").asText()).toList();
    }

    @Test
    void combinedAlertsPageByAfterInTheirSortAndRefuseACursorOfAnotherSort() {
        List<String> bySeverity = new java.util.ArrayList<>();
        String after = "";
        do {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("limit", 3, "sort", "severity|desc"));
            if (!after.isEmpty()) {
                body.put("after", after);
            }
            ApiResponse page = falcon.command("PostCombinedAlertsV1", Map.of(), body).orThrow();
            assertEquals(10, page.meta().path("pagination").path("total").asInt());
            page.resources().forEach(a -> bySeverity.add(a.path("severity").asText() + " " + a.path("composite_id").asText()));
            after = page.meta().path("pagination").path("after").asText("");
        } while (!after.isEmpty());
        assertEquals(10, bySeverity.size());
        assertEquals(10, new java.util.HashSet<>(bySeverity).size());
        List<Integer> severities = bySeverity.stream().map(t -> Integer.parseInt(t.split(" ")[0])).toList();
        assertEquals(severities.stream().sorted(java.util.Comparator.reverseOrder()).toList(), severities);
        String cursor = falcon.command("PostCombinedAlertsV1", Map.of(), Map.of("limit", 3)).orThrow().meta()
                .path("pagination").path("after").asText();
        ApiResponse otherSort = falcon.command("PostCombinedAlertsV1", Map.of(),
                Map.of("limit", 3, "after", cursor, "sort", "severity|desc"));
        assertEquals(400, otherSort.statusCode());
        assertEquals(400, falcon.command("PostCombinedAlertsV1", Map.of(), Map.of("limit", 5_000)).statusCode());
        assertEquals(List.of(), falcon.command("PostCombinedAlertsV1", Map.of(), Map.of("filter", "status:'new'"))
                .orThrow().schemaProblems());
    }

    @Test
    void hiddenAlertsAreLeftOutOnlyWhenIncludeHiddenIsFalse() {
        String target = ids(Map.of()).get(0);
        act(List.of(target), "show_in_ui", "false").orThrow();
        assertTrue(ids(Map.of()).contains(target));
        assertFalse(ids(Map.of("include_hidden", false)).contains(target));
        assertEquals(404, falcon.command("PostEntitiesAlertsV2", Map.of("include_hidden", false),
                Map.of("composite_ids", List.of(target))).statusCode());
        assertEquals(ids("show_in_ui:false").size(), ids(Map.of()).size() - ids(Map.of("include_hidden", false)).size());
    }

    @Test
    void lookupsReportEachMissingIdAndTheSameSeedGivesTheSameAlerts() {
        List<String> all = ids(Map.of());
        ApiResponse mixed = falcon.command("PostEntitiesAlertsV2", Map.of(),
                Map.of("composite_ids", List.of(all.get(0), "nope:ind:x:1")));
        assertEquals(200, mixed.statusCode());
        assertEquals(1, mixed.resources().size());
        assertEquals("nope:ind:x:1", mixed.errors().get(0).id());
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= AlertOperations.MAX_IDS; i++) {
            tooMany.add("nope:ind:x:" + i);
        }
        ApiResponse refused = falcon.command("PostEntitiesAlertsV2", Map.of(), Map.of("composite_ids", tooMany));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.errors().get(0).message().contains("at most 1000 composite_ids"), refused.text());
        try (FalconSandbox again = FalconSandbox.start(); Harness other = again.harness()) {
            assertEquals(alerts(all), other.command("PostEntitiesAlertsV2", Map.of(), Map.of("composite_ids", all))
                    .orThrow().resources());
        }
        try (FalconSandbox seeded = FalconSandbox.builder().fleetSeed(7).build(); Harness other = seeded.harness()) {
            assertNotEquals(all, other.command("GetQueriesAlertsV2", Map.of()).orThrow().resources().stream()
                    .map(JsonNode::asText).toList());
        }
    }

    @Test
    void theReadmeExampleTakesEveryNewSevereAlertAndTheQueueEmpties() {
        List<String> fresh = falcon.paginate("GetQueriesAlertsV2",
                Map.of("filter", "status:'new'+severity:>=40", "sort", "device.hostname.asc"))
                .stream().map(JsonNode::asText).toList();
        assertFalse(fresh.isEmpty());
        falcon.command("PatchEntitiesAlertsV3", Map.of(), Map.of("composite_ids", fresh, "action_parameters", List.of(
                Map.of("name", "update_status", "value", "in_progress"),
                Map.of("name", "assign_to_user_id", "value", "sandbox.admin@example.com"),
                Map.of("name", "append_comment", "value", "Taken by the on-call analyst")))).orThrow();
        assertEquals(List.of(), ids("status:'new'+severity:>=40"));
        JsonNode perAnalyst = aggregate(aggregation("by_analyst", "terms", "assigned_to_name",
                Map.of("filter", "status:'in_progress'")));
        assertTrue(perAnalyst.path("buckets").toString().contains("Sandbox Admin"), perAnalyst.toString());
    }

    @Test
    void anMsspChildStartsWithoutAlertsAndTheParentKeepsItsOwn() {
        String child = "0123456789abcdef0123456789abcdef";
        try (FalconSandbox mssp = FalconSandbox.builder().childCids(child).build();
             Harness parent = mssp.harness();
             Harness member = mssp.harnessBuilder().credentials(mssp.credentials().withMemberCid(child)).build()) {
            assertEquals(0, member.command("GetQueriesAlertsV2", Map.of()).orThrow().resources().size());
            assertEquals(10, parent.command("GetQueriesAlertsV2", Map.of()).orThrow().resources().size());
        }
    }

    @Test
    void resetBringsBackTheGeneratedAlerts() {
        List<String> all = ids(Map.of());
        List<JsonNode> before = alerts(all);
        act(all, "update_status", "closed", "add_tag", "bulk").orThrow();
        assertEquals(List.of(), ids("status:!'closed'"));
        sandbox.reset();
        assertEquals(before, alerts(all));
    }
}
